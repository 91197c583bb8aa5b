using System.Text;
using System.Text.Json;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>A <c>requestUpdated</c> subscription over Server-Sent Events, held open across a team change.</summary>
public sealed class TeamStream : IAsyncDisposable
{
    readonly HttpResponseMessage response;
    readonly StreamReader? reader;
    readonly string? refusal;

    TeamStream(HttpResponseMessage response, StreamReader? reader, string? refusal) => (this.response, this.reader, this.refusal) = (response, reader, refusal);

    public static async Task<TeamStream> OpenAsync(MatrixFixture f, TeamChangeMatrix.TeamCaller caller, Guid requestId)
    {
        var payload = new { query = "subscription($id: ID!) { requestUpdated(id: $id) { id status } }", variables = new { id = requestId } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", caller.Token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await f.Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            return new TeamStream(response, null, await response.Content.ReadAsStringAsync());
        return new TeamStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()), null);
    }

    /// <summary>The data of the next result; null when the stream was refused, ended, or said nothing within the time.</summary>
    public async Task<JsonElement?> NextDataAsync(TimeSpan within)
    {
        if (reader is null) return refusal is null ? null : Data(refusal);
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Length > 6) return Data(line[6..]);
        }
        catch (OperationCanceledException) { }
        return null;
    }

    /// <summary>True once the stream has ended (the server closed it).</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan within)
    {
        if (reader is null) return true;
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is not null) { }
            return true;
        }
        catch (OperationCanceledException) { return false; }
        catch (IOException) { return true; }
    }

    static JsonElement? Data(string json) =>
        JsonDocument.Parse(json).RootElement is var root && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.Clone() : null;

    public ValueTask DisposeAsync()
    {
        reader?.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
