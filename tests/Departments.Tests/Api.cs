using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Departments.Tests;

/// <summary>Calls on a work item, and checks of the ProblemDetails the service answers with.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string code, Guid id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/departments/{code}/queue/{id}/{action}", body ?? new { });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Asserts a ProblemDetails with the status, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem;
    }

    /// <summary>A 400 naming <paramref name="field"/> in its errors.</summary>
    public static async Task<string> FieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No error for '{field}': {problem}");
        return messages[0].GetString()!;
    }
}
