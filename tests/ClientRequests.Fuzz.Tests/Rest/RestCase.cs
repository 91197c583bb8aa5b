using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>One malformed request: what to send, as whom, and a line saying how it was spoiled (for a failure's message).</summary>
public sealed record RestCase(RestEndpoint Endpoint, int Number, string Kind, string Description, PlatformUser User, string Url,
    byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Endpoint.Method), new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString() =>
        $"#{Number} {Kind} as {User.Id}: {Endpoint.Method} {(Url.Length > 160 ? Url[..160] + "…" : Url)} — {Description}" +
        (Body is null ? "" : $" ({Body.Length} bytes {ContentType})");
}
