namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// Runs each row of <see cref="RestMatrix"/> against the real processes: every role about its own and a foreign scope
/// through the gateway, then every bad token through the gateway and straight at the owning service.
/// </summary>
public sealed class RestMatrixTests(MatrixFixture fixture)
{
    public static IEnumerable<TheoryDataRow<int>> Rows() =>
        RestMatrix.Rows.Select((row, index) => new TheoryDataRow<int>(index) { TestDisplayName = $"{index:00} {row}" });

    [Theory, MemberData(nameof(Rows))]
    public async Task Every_role_and_every_bad_token_gets_what_the_row_says_and_no_foreign_data(int index)
    {
        var row = RestMatrix.Rows[index];
        var failures = new List<string>();
        await RoleCellsAsync(row, failures);
        if (RestMatrix.Rows.First(r => r.Endpoint == row.Endpoint) == row) await TokenCellsAsync(row, failures);
        Assert.True(failures.Count == 0, $"{row}:\n" + string.Join("\n", failures));
    }

    async Task RoleCellsAsync(RestRow row, List<string> failures)
    {
        var seeds = fixture.Seeds;
        var cells = (row.Foreign is null ? [Scope.Own] : new[] { Scope.Foreign, Scope.Own })
            .SelectMany(scope => Callers.Roles.Select(role => (scope, role, expect: (scope == Scope.Own ? row.Own : row.Foreign!)[role])))
            // Refusals first: what the allowed calls change must not decide what a refused caller sees.
            .OrderBy(c => c.scope == Scope.Own).ThenBy(c => !c.expect.IsDenial);
        foreach (var (scope, role, expect) in cells)
        {
            var cell = new Cell(role, scope, seeds.For(scope), seeds, new Dictionary<string, string>());
            if (row.Prepare is not null)
            {
                var prepared = await row.Prepare(fixture, cell);
                if (prepared is null)
                {
                    fixture.Tally.Skip();
                    continue;
                }
                cell = cell with { Prepared = prepared };
            }
            var path = row.Path(cell);
            var body = row.Body?.Invoke(cell);
            var reply = await Http.SendAsync(fixture.Gateway, new HttpMethod(row.Method), path, Callers.Token(role), body, row.ContentType, row.Streams);
            var leaks = Leaks.In(reply.Body, seeds.MarkersHiddenFrom(role), path + Http.Text(body));
            var held = expect.Matches(reply.Status, reply.ProblemTitle, reply.Body) && leaks.Count == 0;
            fixture.Tally.Count("REST role x scope", held);
            if (!held)
                failures.Add($"  {role} ({Callers.User(role).Id}) {scope} {row.Method} {path}: expected {expect}, got {reply.Status} {reply.ProblemTitle}"
                    + (leaks.Count > 0 ? $"; LEAKED {string.Join(", ", leaks)}" : "") + $"\n    {Leaks.Excerpt(reply.Body)}");
        }
    }

    async Task TokenCellsAsync(RestRow row, List<string> failures)
    {
        var seeds = fixture.Seeds;
        var scope = row.Foreign is null ? Scope.Own : Scope.Foreign;
        var cell = new Cell(Role.Admin, scope, seeds.For(scope), seeds, new Dictionary<string, string>());
        if (row.Prepare is not null) cell = cell with { Prepared = await row.Prepare(fixture, cell) ?? new Dictionary<string, string>() };
        var path = row.Path(cell);
        var body = row.Body?.Invoke(cell);
        using var service = new HttpClient { BaseAddress = fixture.Platform.Processes[row.Service].HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var token in BadTokens.All)
        {
            foreach (var (where, http, kind) in new[] { ("gateway", fixture.Gateway, "REST bad token at the gateway"), (row.Service, service, "REST bad token at the service") })
            {
                var reply = await Http.SendAsync(http, new HttpMethod(row.Method), path, token.Value, body, row.ContentType, row.Streams);
                var leaks = Leaks.In(reply.Body, seeds.MarkersHiddenFrom(null), path + Http.Text(body));
                var held = reply.Status == 401 && leaks.Count == 0;
                fixture.Tally.Count(kind, held);
                if (!held)
                    failures.Add($"  {token.Name} at {where} {row.Method} {path}: expected 401, got {reply.Status}"
                        + (leaks.Count > 0 ? $"; LEAKED {string.Join(", ", leaks)}" : ""));
            }
        }
    }
}

public static class Leaks
{
    /// <summary>The hidden markers found in a body, leaving out those the caller sent themselves (a 404 may name the id asked for).</summary>
    public static List<string> In(string body, IEnumerable<string> hidden, string sent) =>
        hidden.Where(m => !sent.Contains(m, StringComparison.OrdinalIgnoreCase) && body.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();

    public static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
