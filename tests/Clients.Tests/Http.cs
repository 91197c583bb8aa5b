using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clients.Tests;

/// <summary>Reading answers the way a caller would: status first, then the JSON.</summary>
static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a ProblemDetails with the status and, when given, an error naming the field.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (field is not null)
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"No error for '{field}': {body}");
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient http, string url, T body) => http.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient http, string url, T body) => http.PutAsJsonAsync(url, body, Json);
}

public sealed record PageOf<T>(List<T> Items, string? NextCursor);

public sealed record ClientSummaryDto(Guid Id, string Name, string Industry, string Tier, string Status, string AccountManagerId, int Version);

public sealed record ContactDto(Guid Id, string Name, string? Role, string? Email, string? Phone);

public sealed record ClientDto(Guid Id, string Name, string Industry, string Tier, string Status, string AccountManagerId,
    List<string> AccountExecutiveIds, string? Notes, List<ContactDto> Contacts, int Version);

public sealed record TeamDto(Guid ClientId, string AccountManagerId, List<string> AccountExecutiveIds);
