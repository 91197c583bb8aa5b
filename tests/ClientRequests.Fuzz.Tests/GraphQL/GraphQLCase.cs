using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Fuzz.Tests.GraphQL;

/// <summary>One malformed GraphQL request to the gateway's /graphql.</summary>
public sealed record GraphQLCase(int Number, string Kind, string Description, PlatformUser User, HttpMethod Method, string Url,
    byte[]? Body, string? ContentType)
{
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>Every third case each: no Accept and application/json (legacy clients), and the GraphQL response type.</summary>
    public string? Accept => (Number % 3) switch { 0 => null, 1 => "application/json", _ => GraphQLResponse };

    /// <summary>The media type a GraphQL answer to this case must have (ADR 0024).</summary>
    public string ExpectedMediaType => Accept == GraphQLResponse ? GraphQLResponse : "application/json";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (Accept is not null) request.Headers.Accept.ParseAdd(Accept);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    public override string ToString() =>
        $"#{Number} {Kind} as {User.Id}: {Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)} (Accept {Accept ?? "none"}) — {Description}" +
        (Body is null ? "" : $" ({Body.Length} bytes)");
}
