using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ClientRequests.TestKit;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>Every REST endpoint of every service, as its OpenAPI document lists it, meets generated malformed input.</summary>
[Collection(OnePlatform.Name)]
public sealed class RestFuzzTests(FuzzPlatform fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Services => [.. Platform.Services.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Malformed_requests_to_every_endpoint_get_a_ProblemDetails_and_never_a_5xx(string service)
    {
        var (endpoints, document) = await OpenApiCatalog.ReadAsync(service, fixture.HttpAddress(service));
        Assert.NotEmpty(endpoints);
        var schema = new Schema(document);
        var cases = endpoints.SelectMany(e =>
        {
            var generator = new RestCaseGenerator(e, schema);
            return Enumerable.Range(0, FuzzSettings.CasesPerEndpoint).Select(generator.Generate);
        }).ToList();

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var http = new HttpClient { BaseAddress = fixture.HttpAddress(service), Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new ConcurrentDictionary<string, AuthenticationHeaderValue>();
        var protocolRejections = 0;
        var seconds = new ConcurrentDictionary<string, double>();
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (@case, _) =>
        {
            var sent = DateTime.UtcNow;
            using var request = @case.ToRequest();
            request.Headers.Authorization = tokens.GetOrAdd(@case.User.Id, _ => new("Bearer", Tokens.For(@case.User)));
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                var body = response.IsSuccessStatusCode ? "" : await ProblemCheck.ReadBoundedAsync(response);
                if (ProblemCheck.IsProtocolRejection(response, body)) Interlocked.Increment(ref protocolRejections);
                else if (ProblemCheck.Violation(response, body) is { } violation) failures.Add($"{@case}\n    → {violation}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{@case}\n    → no answer: {e.GetType().Name} {e.Message}");
            }
            seconds.AddOrUpdate(@case.Endpoint.Key, (DateTime.UtcNow - sent).TotalSeconds, (_, s) => s + (DateTime.UtcNow - sent).TotalSeconds);
        });

        output.WriteLine($"{service}: {endpoints.Count} endpoints, {cases.Count} cases in {(DateTime.UtcNow - started).TotalSeconds:F1} s, " +
            $"{protocolRejections} refused by Kestrel before the app, statuses " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) +
            "; slowest: " + string.Join(", ", seconds.OrderByDescending(s => s.Value).Take(3).Select(s => $"{s.Key} {s.Value:F1} s")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} malformed requests to {service} broke the promise " +
            $"(seed {FuzzSettings.Seed}):\n" + string.Join("\n", failures.OrderBy(f => f.Contains("→ 5") ? 0 : 1).ThenBy(f => f).Take(25)) + "\n\n" + fixture.Logs());
        await fixture.AssertHealthyAsync();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_is_fuzzed_with_every_kind_of_malformed_input(string service)
    {
        var (endpoints, document) = await OpenApiCatalog.ReadAsync(service, fixture.HttpAddress(service));
        var schema = new Schema(document);
        foreach (var endpoint in endpoints)
        {
            var generator = new RestCaseGenerator(endpoint, schema);
            var kinds = Enumerable.Range(0, FuzzSettings.CasesPerEndpoint).Select(n => generator.Generate(n).Kind).ToHashSet();
            Assert.True(generator.Kinds.All(kinds.Contains), $"{endpoint} misses {string.Join(", ", generator.Kinds.Except(kinds))}");
            // The same seed gives the same cases: a failure replays.
            Assert.Equal(generator.Generate(7).ToString(), new RestCaseGenerator(endpoint, schema).Generate(7).ToString());
        }
        // The document lists every route the code maps: an endpoint left out of it would escape the fuzzer.
        Assert.Equal(MappedRoutes.Count(service), endpoints.Count);
    }
}
