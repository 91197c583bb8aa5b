using System.Text.Json.Nodes;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>
/// The endpoints a running service serves, read from its own OpenAPI document (ASP.NET Core builds it from the app's
/// EndpointDataSource), so a new endpoint is fuzzed the moment it is mapped.
/// </summary>
public static class OpenApiCatalog
{
    public static async Task<(IReadOnlyList<RestEndpoint> Endpoints, JsonNode Document)> ReadAsync(string service, Uri serviceAddress)
    {
        using var http = new HttpClient { BaseAddress = serviceAddress, Timeout = TimeSpan.FromSeconds(30) };
        var document = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!;
        var endpoints = new List<RestEndpoint>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, operation) in item.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = shared.Concat(operation!["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p)!).ToList();
                var body = operation!["requestBody"] is { } requestBody ? Resolve(document, requestBody)!["content"]?.AsObject().FirstOrDefault() : null;
                endpoints.Add(new RestEndpoint(service, method.ToUpperInvariant(), template,
                    Route: [.. parameters.Where(p => (string?)p["in"] == "path").Select(p => Describe(document, p))],
                    Query: [.. parameters.Where(p => (string?)p["in"] == "query").Select(p => Describe(document, p))],
                    BodySchema: body is { } b ? Resolve(document, b.Value?["schema"]) : null,
                    BodyContentType: body?.Key));
            }
        }
        return (endpoints, document);
    }

    static Parameter Describe(JsonNode document, JsonNode parameter) =>
        new((string)parameter["name"]!, Resolve(document, parameter["schema"]), (bool?)parameter["required"] ?? false);

    /// <summary>Follows a local "$ref" (#/components/...) to what it names.</summary>
    public static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (var hops = 0; node?["$ref"] is { } reference && hops < 10; hops++)
        {
            node = document;
            foreach (var part in ((string)reference!).TrimStart('#', '/').Split('/')) node = node?[part];
        }
        return node;
    }
}
