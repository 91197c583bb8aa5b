using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Fuzz.Tests.GraphQL;

/// <summary>One malformed GraphQL request to the gateway's /graphql.</summary>
public sealed record GraphQLCase(int Number, string Kind, string Description, PlatformUser User, HttpMethod Method, string Url,
    byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    public override string ToString() =>
        $"#{Number} {Kind} as {User.Id}: {Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)} — {Description}" +
        (Body is null ? "" : $" ({Body.Length} bytes)");
}
