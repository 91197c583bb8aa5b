using Microsoft.Net.Http.Headers;

namespace ClientRequests.Gateway.GraphQL.Transport;

/// <summary>
/// Which media type a GraphQL answer is written in, chosen from the caller's <c>Accept</c> (GraphQL-over-HTTP, ADR 0024):
/// the highest-ranked of <c>application/graphql-response+json</c> and <c>application/json</c>; no header, <c>*/*</c> or
/// <c>application/*</c> is <c>application/json</c>, the type every legacy client understands; an <c>Accept</c> naming
/// neither (say <c>text/event-stream</c> alone) is disregarded, as the spec allows, and answered in the GraphQL type.
/// </summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public static string For(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0) return Json;
        // Highest quality first; among equal qualities the order the caller listed them in (OrderBy is stable).
        foreach (var type in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.Quality == 0) continue;
            if (type.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return GraphQLResponse;
            if (type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)) return Json;
        }
        return GraphQLResponse;
    }
}
