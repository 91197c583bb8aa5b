using System.Text.Json.Nodes;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>A parameter of a route or query string, with its JSON schema.</summary>
public sealed record Parameter(string Name, JsonNode? Schema, bool Required);

/// <summary>One REST endpoint of a service, as the running service describes it in its OpenAPI document.</summary>
public sealed record RestEndpoint(string Service, string Method, string Template, IReadOnlyList<Parameter> Route,
    IReadOnlyList<Parameter> Query, JsonNode? BodySchema, string? BodyContentType)
{
    public string Key => $"{Method} {Template}";

    public bool HasBody => BodyContentType is not null;

    public override string ToString() => $"{Service}: {Key}";
}
