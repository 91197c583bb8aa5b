using System.Text.Json;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// The matrix over time (issue 16, ADR 0029): what each caller reaches of one client's request as its account team
/// changes. Each probe answers "reached" (the item is answered, listed or acted on) or "not reached" (404, left out of a
/// list, a null field, a refused subscription); every probe is asked of every caller in every phase.
/// </summary>
public static class TeamChangeMatrix
{
    /// <summary>The world of one run: a client of Alice's registered for it, a request of it, and a fresh executive.</summary>
    public sealed record World(Guid ClientId, Guid RequestId, string Executive);

    public sealed record Probe(string Name, Func<MatrixFixture, TeamCaller, World, Task<bool>> Reaches);

    /// <summary>A caller of the table: one of the two managers, Alice's executive, or the fresh executive.</summary>
    public sealed record TeamCaller(string Name, string Token);

    /// <summary>A phase: what changes the team before it, then who reaches the client's request (by caller name).</summary>
    public sealed record Phase(string Name, Func<MatrixFixture, World, Task> Change, IReadOnlySet<string> Reach);

    public static readonly IReadOnlyList<Probe> Probes =
    [
        new("REST GET /api/requests (the list shows it)", async (f, c, w) => (await GetAsync(f, c, "/api/requests?limit=200")).Contains(w.RequestId.ToString())),
        new("REST GET /api/requests?clientId=", async (f, c, w) => await StatusAsync(f, c, $"/api/requests?clientId={w.ClientId}") == 200),
        new("REST GET /api/requests/{id}", async (f, c, w) => await StatusAsync(f, c, $"/api/requests/{w.RequestId}") == 200),
        new("REST GET /api/requests/{id}/timeline", async (f, c, w) => await StatusAsync(f, c, $"/api/requests/{w.RequestId}/timeline") == 200),
        new("REST POST /api/requests/{id}/comments", async (f, c, w) =>
            (await Http.SendAsync(f.Gateway, HttpMethod.Post, $"/api/requests/{w.RequestId}/comments", c.Token, new { text = "Matrix over time" })).Status == 201),
        new("REST GET /api/clients/{id}", async (f, c, w) => await StatusAsync(f, c, $"/api/clients/{w.ClientId}") == 200),
        new("REST GET /api/clients/{id}/team", async (f, c, w) => await StatusAsync(f, c, $"/api/clients/{w.ClientId}/team") == 200),
        new("GraphQL request(id)", async (f, c, w) => Field(await GraphQLAsync(f, c, "query($id: ID!) { request(id: $id) { id } }", new { id = w.RequestId }), "request") is { ValueKind: JsonValueKind.Object }),
        new("GraphQL requests (the list shows it)", async (f, c, w) =>
            (await GraphQLAsync(f, c, "{ requests(first: 200) { nodes { id } } }", new { })).Contains(w.RequestId.ToString())),
        new("GraphQL clients(ids)", async (f, c, w) =>
            Field(await GraphQLAsync(f, c, "query($ids: [ID!]!) { clients(ids: $ids) { id } }", new { ids = new[] { w.ClientId } }), "clients") is { ValueKind: JsonValueKind.Array } list
                && list.GetArrayLength() == 1),
        new("GraphQL client(id) (its open requests show it)", async (f, c, w) =>
            (Field(await GraphQLAsync(f, c, "query($id: ID!) { client(id: $id) { openRequests { id } recentEvents { requestId } } }", new { id = w.ClientId }), "client")
                is { ValueKind: JsonValueKind.Object } client)
            && client.GetProperty("openRequests").ToString().Contains(w.RequestId.ToString())),
        new("GraphQL dashboard (counts the client)", async (f, c, w) =>
            (await GraphQLAsync(f, c, "{ dashboard(days: 7) { slaByClient { key } } }", new { })).Contains(w.ClientId.ToString())),
        new("GraphQL subscription requestUpdated (opens)", async (f, c, w) => await SubscribesAsync(f, c, w.RequestId)),
    ];

    static async Task<string> GetAsync(MatrixFixture f, TeamCaller c, string path) => (await Http.SendAsync(f.Gateway, HttpMethod.Get, path, c.Token)).Body;

    static async Task<int> StatusAsync(MatrixFixture f, TeamCaller c, string path) => (await Http.SendAsync(f.Gateway, HttpMethod.Get, path, c.Token)).Status;

    public static async Task<string> GraphQLAsync(MatrixFixture f, TeamCaller c, string query, object variables) =>
        (await Http.SendAsync(f.Gateway, HttpMethod.Post, "/graphql", c.Token, new { query, variables })).Body;

    static JsonElement? Field(string body, string name) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var field)
            ? field.Clone() : null;

    /// <summary>A subscription the caller may hold answers the request first; one they may not is refused (NOT_FOUND).</summary>
    static async Task<bool> SubscribesAsync(MatrixFixture f, TeamCaller c, Guid requestId)
    {
        await using var stream = await TeamStream.OpenAsync(f, c, requestId);
        var first = await stream.NextDataAsync(TimeSpan.FromSeconds(10));
        return first is { } data && data.TryGetProperty("requestUpdated", out var node) && node.ValueKind == JsonValueKind.Object;
    }
}
