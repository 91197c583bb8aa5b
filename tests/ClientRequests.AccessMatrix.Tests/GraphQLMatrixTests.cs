using System.Text;
using System.Text.Json;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>Runs each row of <see cref="GraphQLMatrix"/> at /graphql on the real gateway; subscriptions over Server-Sent Events.</summary>
public sealed class GraphQLMatrixTests(MatrixFixture fixture)
{
    static readonly string[] AccessCodes = ["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"];

    public static IEnumerable<TheoryDataRow<int>> Rows() =>
        GraphQLMatrix.Rows.Select((row, index) => new TheoryDataRow<int>(index) { TestDisplayName = $"{index:00} {row}" });

    [Theory, MemberData(nameof(Rows))]
    public async Task Every_role_gets_what_the_row_says_and_no_foreign_data(int index)
    {
        var row = GraphQLMatrix.Rows[index];
        var seeds = fixture.Seeds;
        var failures = new List<string>();
        var scopes = row.Foreign is null ? [Scope.Own] : new[] { Scope.Foreign, Scope.Own };
        foreach (var scope in scopes)
            foreach (var role in Callers.Roles)
            {
                var expected = (scope == Scope.Own ? row.Own : row.Foreign!)[role];
                var cell = new Cell(role, scope, seeds.For(scope), seeds, new Dictionary<string, string>());
                var variables = row.Variables(cell);
                var (status, body) = await SendAsync(row, variables, Callers.Token(role));
                var verdict = Judge(row, expected, status, body);
                var leaks = Leaks.In(body, seeds.MarkersHiddenFrom(role), JsonSerializer.Serialize(variables));
                var held = verdict is null && leaks.Count == 0;
                fixture.Tally.Count("GraphQL role x scope", held);
                if (!held)
                    failures.Add($"  {role} {scope}: expected {expected}; {verdict}" + (leaks.Count > 0 ? $"; LEAKED {string.Join(", ", leaks)}" : "")
                        + $"\n    {Leaks.Excerpt(body)}");
            }
        Assert.True(failures.Count == 0, $"{row}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_bad_token_is_refused_at_graphql_for_every_kind_of_operation()
    {
        var failures = new List<string>();
        foreach (var row in GraphQLMatrix.Rows.DistinctBy(r => r.Operation))
            foreach (var token in BadTokens.All)
            {
                var cell = new Cell(Role.Admin, Scope.Foreign, fixture.Seeds.Foreign, fixture.Seeds, new Dictionary<string, string>());
                var (status, body) = await SendAsync(row, row.Variables(cell), token.Value);
                var leaks = Leaks.In(body, fixture.Seeds.MarkersHiddenFrom(null), JsonSerializer.Serialize(row.Variables(cell)));
                var held = status == 401 && leaks.Count == 0;
                fixture.Tally.Count("GraphQL bad token", held);
                if (!held) failures.Add($"  {token.Name} {row.Operation}: expected 401, got {status}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Null when the answer is what the cell expects, else what was wrong.</summary>
    static string? Judge(GqlRow row, Gql expected, int status, string body)
    {
        if (status != 200) return $"HTTP {status}";
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var codes = root.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "").ToList()
            : [];
        var messages = root.TryGetProperty("errors", out var errs) ? errs.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList() : [];
        var field = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(row.Field, out var f)
            ? f : default;
        var present = field.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => false,
            JsonValueKind.Array => field.GetArrayLength() > 0,
            _ => true,
        };
        // A queue step the work item's own rules refuse (not its holder) let the caller in, as in the REST matrix.
        var domainRefusal = messages.Any(m => m?.StartsWith(Expect.DomainRefusalTitle, StringComparison.Ordinal) == true);
        if (expected == Gql.Allowed)
        {
            if (domainRefusal) return null;
            if (codes.Any(AccessCodes.Contains)) return $"access error {string.Join(",", codes)}";
            // A mutation the domain refuses in this state (CONFLICT) let the caller in.
            if (!present && !codes.Contains("CONFLICT")) return $"'{row.Field}' missing; errors: {string.Join(" | ", messages)}";
            return null;
        }
        if (present) return $"'{row.Field}' resolved";
        var other = codes.Where(c => c.Length > 0 && !AccessCodes.Contains(c)).ToList();
        return other.Count > 0 ? $"non-access errors {string.Join(",", other)}: {string.Join(" | ", messages)}" : null;
    }

    async Task<(int Status, string Body)> SendAsync(GqlRow row, object variables, string? token)
    {
        var payload = new { query = row.Query, variables };
        if (row.Operation != "subscription")
        {
            var reply = await Http.SendAsync(fixture.Gateway, HttpMethod.Post, "/graphql", token, payload);
            return (reply.Status, reply.Body);
        }
        // A subscription: the first event's data is the answer; the stream is then closed.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await fixture.Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // A refusal is the stream's first event, at once; a stream that stays open and quiet accepted the caller
        // (departmentQueueChanged only speaks when the queue changes).
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        quiet.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            while (await reader.ReadLineAsync(quiet.Token) is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Length > 6) return ((int)response.StatusCode, line[6..]);
        }
        catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
        {
            return ((int)response.StatusCode, JsonSerializer.Serialize(new { data = new Dictionary<string, object> { [row.Field] = new { streamOpen = true } } }));
        }
        return ((int)response.StatusCode, """{"data":null}""");
    }
}
