using System.Net.Http.Json;
using System.Text.Json;
using GraphQL;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>
/// Calls to the services' REST APIs for what their gRPC contracts do not offer: the mutations (the protos are read-only) and a few reads. A service's ProblemDetails becomes
/// a GraphQL error carrying the service's title, its status as the error code and the fields it named.
/// </summary>
public static class Rest
{
    public const string Requests = "requests-rest";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> GetAsync<T>(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(path, body, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return response.Content.Headers.ContentLength == 0
            ? default
            : await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    public static async Task<JsonElement> PatchAsync(HttpClient client, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PatchAsJsonAsync(path, body, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    public static async Task<JsonElement> PutAsync(HttpClient client, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PutAsJsonAsync(path, body, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var title = $"The service answered {(int)response.StatusCode}.";
        JsonElement? errors = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            if (problem.TryGetProperty("title", out var t) && t.GetString() is { } text) title = text;
            if (problem.TryGetProperty("detail", out var d) && d.GetString() is { } detail) title += " " + detail;
            if (problem.TryGetProperty("errors", out var e)) errors = e;
        }
        var error = new ExecutionError(title) { Code = CodeFor((int)response.StatusCode) };
        if (errors is { } named) error.Data["fields"] = named;
        throw error;
    }

    static string CodeFor(int status) => status switch
    {
        400 or 422 => "BAD_REQUEST",
        401 => "UNAUTHENTICATED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        409 or 412 => "CONFLICT",
        _ => "SERVICE_ERROR",
    };
}
