using System.Text.Json.Nodes;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>Reads the little of JSON Schema (as ASP.NET Core's OpenAPI writes it) the generators need.</summary>
public sealed class Schema(JsonNode document)
{
    public JsonNode? Resolve(JsonNode? node) => OpenApiCatalog.Resolve(document, node);

    /// <summary>"string", "integer", "number", "boolean", "array" or "object"; nullable unions give their non-null type.</summary>
    public string TypeOf(JsonNode? schema)
    {
        schema = Resolve(schema);
        if (schema is null) return "string";
        switch (schema["type"])
        {
            case JsonValue value: return (string)value!;
            case JsonArray types:
                return types.Select(t => (string?)t).FirstOrDefault(t => t is not null and not "null") ?? "string";
        }
        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[union] is JsonArray options)
                foreach (var option in options)
                    if (TypeOf(option) is var type && Resolve(option)?["type"]?.ToString() != "null") return type;
        return schema["properties"] is not null ? "object" : "string";
    }

    public string? FormatOf(JsonNode? schema) => (string?)Resolve(schema)?["format"];

    public IReadOnlyList<string> EnumOf(JsonNode? schema) =>
        Resolve(schema)?["enum"] is JsonArray values ? [.. values.Where(v => v is not null).Select(v => v!.ToString())] : [];

    public IEnumerable<(string Name, JsonNode? Schema)> PropertiesOf(JsonNode? schema) =>
        Resolve(schema)?["properties"] is JsonObject properties ? properties.Select(p => (p.Key, p.Value)) : [];

    public IReadOnlyList<string> RequiredOf(JsonNode? schema) =>
        Resolve(schema)?["required"] is JsonArray required ? [.. required.Select(r => (string)r!)] : [];

    public JsonNode? ItemsOf(JsonNode? schema) => Resolve(schema)?["items"];

    /// <summary>A value the schema accepts, built from it: the starting point every mutation spoils one way.</summary>
    public JsonNode? Example(JsonNode? schema, Random random, int depth = 0)
    {
        if (EnumOf(schema) is { Count: > 0 } values) return JsonValue.Create(values[random.Next(values.Count)]);
        return TypeOf(schema) switch
        {
            "integer" => JsonValue.Create(random.Next(1, 5)),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "array" => depth > 3 ? new JsonArray() : new JsonArray(Example(ItemsOf(schema), random, depth + 1)),
            "object" => depth > 3 ? new JsonObject() : ExampleObject(schema, random, depth),
            _ => JsonValue.Create(ExampleString(FormatOf(schema), random)),
        };
    }

    JsonObject ExampleObject(JsonNode? schema, Random random, int depth)
    {
        var example = new JsonObject();
        foreach (var (name, property) in PropertiesOf(schema)) example[name] = Example(property, random, depth + 1);
        return example;
    }

    static string ExampleString(string? format, Random random) => format switch
    {
        "uuid" => new Guid(RandomBytes(random, 16)).ToString(),
        "date-time" => Nasty.Epoch.AddDays(random.Next(1, 30)).ToString("O"),
        "date" => Nasty.Epoch.AddDays(random.Next(1, 30)).ToString("yyyy-MM-dd"),
        "email" => "fuzz@example.com",
        "uri" => "https://example.com/fuzz",
        _ => "fuzz",
    };

    public static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
