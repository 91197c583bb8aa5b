using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using ClientRequests.TestKit;

namespace ClientRequests.Fuzz.Tests.GraphQL;

/// <summary>Hostile GraphQL through the real gateway (which resolves through the services' gRPC APIs).</summary>
[Collection(OnePlatform.Name)]
public sealed class GraphQLFuzzTests(FuzzPlatform fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_GraphQL_gets_a_GraphQL_error_or_a_ProblemDetails_and_never_a_5xx()
    {
        var cases = Enumerable.Range(0, FuzzSettings.GraphQLCases).Select(GraphQLCaseGenerator.Generate).ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var seconds = new ConcurrentDictionary<string, double>();
        using var http = new HttpClient { BaseAddress = fixture.Platform.GatewayAddress, Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (@case, _) =>
        {
            var sent = DateTime.UtcNow;
            using var request = @case.ToRequest();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(@case.User));
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                var body = await ProblemCheck.ReadBoundedAsync(response, 4 * 1024 * 1024);
                if (Violation((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, @case.ExpectedMediaType) is { } violation)
                    failures.Add($"{@case}\n    → {violation}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{@case}\n    → no answer: {e.GetType().Name} {e.Message}");
            }
            seconds.AddOrUpdate(@case.Kind, (DateTime.UtcNow - sent).TotalSeconds, (_, s) => s + (DateTime.UtcNow - sent).TotalSeconds);
        });

        output.WriteLine($"graphql: {cases.Count} cases over {GraphQLCaseGenerator.Kinds.Length} kinds, statuses " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) +
            "; seconds by kind: " + string.Join(", ", seconds.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:F1}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} hostile GraphQL requests broke the promise (seed {FuzzSettings.Seed}):\n" +
            string.Join("\n", failures.OrderBy(f => f.Contains("→ 5") ? 0 : 1).ThenBy(f => f).Take(25)) + "\n\n" + fixture.Logs());
        await fixture.AssertHealthyAsync();
    }

    [Fact]
    public void Every_kind_of_hostile_GraphQL_is_generated_and_replays_from_its_seed()
    {
        var kinds = Enumerable.Range(0, FuzzSettings.GraphQLCases).Select(n => GraphQLCaseGenerator.Generate(n).Kind).ToHashSet();
        Assert.Equal(GraphQLCaseGenerator.Kinds.Order(), kinds.Order());
        Assert.Equal(GraphQLCaseGenerator.Generate(5).ToString(), GraphQLCaseGenerator.Generate(5).ToString());
    }

    /// <summary>
    /// Never a 5xx. A ProblemDetails (auth, media type) is fine; anything else is a GraphQL response in the media type the
    /// case's Accept asks for (ADR 0024): JSON with errors
    /// (required for a 4xx) or data, or a batch of those.
    /// </summary>
    static string? Violation(int status, string? mediaType, string body, string expectedMediaType)
    {
        if (status >= 500) return $"{status} {ProblemCheck.Snippet(body)}";
        if (mediaType == "application/problem+json") return status >= 400 ? ProblemCheck.ProblemViolation(status, body) : null;
        if (mediaType != expectedMediaType)
            return $"{status} with Content-Type '{mediaType}', not '{expectedMediaType}' as Accept asked: {ProblemCheck.Snippet(body)}";
        try
        {
            using var json = JsonDocument.Parse(body);
            var results = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
            foreach (var result in results)
            {
                var hasErrors = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("errors", out var errors)
                    && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                    && errors.EnumerateArray().All(e => e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String);
                var hasData = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("data", out _);
                if (status >= 400 && !hasErrors) return $"{status} GraphQL response without errors: {ProblemCheck.Snippet(body)}";
                if (!hasErrors && !hasData) return $"{status} neither data nor errors: {ProblemCheck.Snippet(body)}";
            }
            return null;
        }
        catch (JsonException) { return $"{status} GraphQL response is not JSON: {ProblemCheck.Snippet(body)}"; }
    }
}
