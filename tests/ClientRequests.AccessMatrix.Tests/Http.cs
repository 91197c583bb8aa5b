using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ClientRequests.AccessMatrix.Tests;

public sealed record Reply(int Status, string Body, string? ProblemTitle)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Sends one call with a given bearer token (or none) and reads the answer, at most a few seconds of a stream.</summary>
public static class Http
{
    public const string NdJson = "application/x-ndjson";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Reply> SendAsync(HttpClient http, HttpMethod method, string path, string? token, object? body = null,
        string? contentType = null, bool streams = false, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (body is string text) request.Content = new StringContent(text, Encoding.UTF8, contentType ?? "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // A stream that was let in never ends: its status and headers are the answer.
        var content = streams && response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, content, TitleOf(response, content));
    }

    public static string Text(object? body) => body switch
    {
        null => "",
        string text => text,
        _ => JsonSerializer.Serialize(body, Json),
    };

    static string? TitleOf(HttpResponseMessage response, string content)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || content.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(content).RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException) { return null; }
    }
}
