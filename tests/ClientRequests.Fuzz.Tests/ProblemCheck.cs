using System.Net;
using System.Text.Json;

namespace ClientRequests.Fuzz.Tests;

/// <summary>The answer the platform promises to bad input: never a 5xx, and every 4xx an RFC 9457 ProblemDetails.</summary>
public static class ProblemCheck
{
    /// <summary>
    /// Kestrel refuses a request it cannot parse as HTTP (a request line over 8 KB: 414; headers over 32 KB: 431;
    /// a target with a NUL or an invalid escape: 400) before any application code runs, with an empty body and the
    /// connection closed. No service can answer those with a ProblemDetails; they are counted apart.
    /// </summary>
    public static bool IsProtocolRejection(HttpResponseMessage response, string body) =>
        (int)response.StatusCode is 400 or 414 or 431 && response.Headers.ConnectionClose == true && body.Length == 0
        && response.Content.Headers.ContentType is null;

    /// <summary>Why the answer breaks the promise, or null when it keeps it.</summary>
    public static string? Violation(HttpResponseMessage response, string body) =>
        Violation(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);

    public static string? Violation(HttpStatusCode status, string? contentType, string body)
    {
        var code = (int)status;
        if (code >= 500) return $"{code} {Snippet(body)}";
        if (code < 400) return null;
        if (contentType is null || !contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
            return $"{code} with Content-Type '{contentType}', not application/problem+json: {Snippet(body)}";
        return ProblemViolation(code, body);
    }

    /// <summary>A JSON object with a title and the response's status.</summary>
    public static string? ProblemViolation(int code, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return $"{code} ProblemDetails is not an object: {Snippet(body)}";
            if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || title.GetString() is not { Length: > 0 })
                return $"{code} ProblemDetails has no title: {Snippet(body)}";
            if (!root.TryGetProperty("status", out var status) || !status.TryGetInt32(out var value) || value != code)
                return $"{code} ProblemDetails has no status {code}: {Snippet(body)}";
            return null;
        }
        catch (JsonException)
        {
            return $"{code} ProblemDetails is not JSON: {Snippet(body)}";
        }
    }

    public static string Snippet(string body) => body.Length > 300 ? body[..300] + "…" : body;

    /// <summary>Reads at most <paramref name="limit"/> characters: a 2xx stream (server-sent events) never ends by itself.</summary>
    public static async Task<string> ReadBoundedAsync(HttpResponseMessage response, int limit = 64 * 1024)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var reader = new StreamReader(stream);
            var buffer = new char[limit];
            var read = 0;
            int chunk;
            while (read < limit && (chunk = await reader.ReadAsync(buffer.AsMemory(read, limit - read), timeout.Token)) > 0) read += chunk;
            return new string(buffer, 0, read);
        }
        catch (OperationCanceledException) { return "(stream still open after 5 s)"; }
    }
}
