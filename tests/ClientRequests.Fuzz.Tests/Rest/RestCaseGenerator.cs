using System.Text;
using System.Text.Json.Nodes;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>
/// Deterministic malformed requests for one endpoint. Case n uses a random stream seeded by (seed, endpoint, n) and
/// the n-th kind in turn, so every kind reaches every endpoint and a failing case replays alone.
/// </summary>
public sealed class RestCaseGenerator(RestEndpoint endpoint, Schema schema)
{
    static readonly string[] BodyKinds =
        ["missing-field", "extra-field", "wrong-type", "huge-string", "deep-nesting", "invalid-utf8", "boundary-number", "bad-enum",
         "not-json", "wrong-content-type", "null-fields"];
    static readonly string[] UrlKinds = ["route-value", "query-value", "bad-cursor", "unknown-query", "bad-headers"];

    public IReadOnlyList<string> Kinds { get; } = endpoint.HasBody ? [.. UrlKinds, .. BodyKinds] : [.. UrlKinds, "unexpected-body"];

    public RestCase Generate(int number)
    {
        var random = FuzzSettings.RandomFor(endpoint.ToString(), number);
        var kind = Kinds[number % Kinds.Count];
        var user = (number % 6) switch { 1 => DemoUsers.Alice, 4 => DemoUsers.Dave, _ => DemoUsers.Grace };
        var route = endpoint.Route.ToDictionary(p => p.Name, p => Uri.EscapeDataString(RouteBaseline(p, random)));
        var query = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        JsonNode? body = endpoint.HasBody ? schema.Example(endpoint.BodySchema, random) : null;
        byte[]? raw = null;
        var contentType = endpoint.BodyContentType;
        string description;

        switch (kind)
        {
            case "route-value" when endpoint.Route.Count > 0:
                var parameter = endpoint.Route[random.Next(endpoint.Route.Count)];
                route[parameter.Name] = Nasty.UrlValue(random);
                description = $"route {{{parameter.Name}}} = {Short(route[parameter.Name])}";
                break;
            case "query-value" or "route-value" when endpoint.Query.Count > 0:
                var spoiled = endpoint.Query[random.Next(endpoint.Query.Count)];
                var value = schema.EnumOf(spoiled.Schema).Count > 0 && random.Next(2) == 0
                    ? Uri.EscapeDataString(Nasty.BadEnum(random))
                    : Nasty.UrlValue(random);
                query.Add(new(spoiled.Name, value));
                if (random.Next(4) == 0) query.Add(new(spoiled.Name, Nasty.UrlValue(random)));
                description = $"query {spoiled.Name} = {Short(value)}";
                break;
            case "bad-cursor":
                var cursorName = endpoint.Query.Select(q => q.Name).FirstOrDefault(n => n is "after" or "cursor") ?? "after";
                query.Add(new(cursorName, Nasty.BadCursor(random)));
                if (endpoint.Query.Any(q => q.Name == "limit")) query.Add(new("limit", Nasty.BoundaryNumbers[random.Next(Nasty.BoundaryNumbers.Length)]));
                description = $"cursor {cursorName} = {Short(query[0].Value)}";
                break;
            case "bad-headers":
                headers.Add(new("Idempotency-Key", random.Next(3) switch { 0 => "", 1 => new string('k', 20_000), _ => "%D0%BA;\"'<>" }));
                headers.Add(new("Accept", random.Next(2) == 0 ? "application/xml" : "*/*;q=abc"));
                headers.Add(new("If-Match", "\"garbage"));
                description = "odd Idempotency-Key, Accept and If-Match headers";
                break;
            case "missing-field":
                var required = schema.RequiredOf(endpoint.BodySchema);
                if (body is JsonObject withRequired && (required.Count > 0 || withRequired.Count > 0))
                {
                    var names = required.Count > 0 ? required : [.. withRequired.Select(p => p.Key)];
                    var dropped = names.Where(_ => random.Next(2) == 0).DefaultIfEmpty(names[random.Next(names.Count)]).ToList();
                    foreach (var name in dropped) withRequired.Remove(name);
                    description = $"without {string.Join(", ", dropped)}";
                }
                else { body = new JsonObject(); description = "an empty object"; }
                break;
            case "extra-field":
                var extra = body as JsonObject ?? new JsonObject();
                for (var i = random.Next(1, 20); i > 0; i--) extra[$"extra{i}"] = Nasty.WrongType("none", random);
                extra["$type"] = "System.Object";
                extra["__proto__"] = new JsonObject { ["admin"] = true };
                body = extra;
                description = "unknown fields";
                break;
            case "wrong-type":
                description = Spoil(body, random, (name, propertySchema) => Nasty.WrongType(schema.TypeOf(propertySchema), random), "a value of the wrong type");
                if (body is not JsonObject) body = Nasty.WrongType(schema.TypeOf(endpoint.BodySchema), random);
                break;
            case "huge-string":
                var huge = Nasty.Huge(random, random.Next(FuzzSettings.HugeString / 10, FuzzSettings.HugeString));
                description = Spoil(body, random, (_, _) => JsonValue.Create(huge), $"a string of {huge.Length} chars");
                if (body is not JsonObject) body = JsonValue.Create(huge);
                break;
            case "deep-nesting":
                raw = DeepJson(random);
                description = $"JSON nested {raw.Length / 2} deep";
                break;
            case "invalid-utf8":
                const string marker = "\u0001MARK\u0001";
                description = Spoil(body, random, (_, _) => JsonValue.Create(marker), "invalid UTF-8 in a string");
                if (body is not JsonObject) body = JsonValue.Create(marker);
                raw = InvalidUtf8(Encoding.UTF8.GetBytes(body!.ToJsonString()), random);
                break;
            case "boundary-number":
                var number_ = Nasty.BoundaryNumbers[random.Next(Nasty.BoundaryNumbers.Length)];
                description = Spoil(body, random, (_, _) => JsonValue.Create("\u0002NUM\u0002"), $"the number {number_}");
                raw = Encoding.UTF8.GetBytes((body?.ToJsonString() ?? "\"\u0002NUM\u0002\"").Replace("\"\\u0002NUM\\u0002\"", number_));
                break;
            case "bad-enum":
                var enumValue = Nasty.BadEnum(random);
                description = Spoil(body, random, (_, _) => JsonValue.Create(enumValue), $"the enum value '{enumValue}'", preferEnums: true);
                break;
            case "not-json":
                raw = NotJson(random, out description);
                break;
            case "wrong-content-type":
                contentType = new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
                    "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "", "application/octet-stream" }[random.Next(8)];
                description = $"Content-Type '{contentType}'";
                break;
            case "null-fields":
                if (body is JsonObject nulls) foreach (var key in nulls.Select(p => p.Key).ToList()) nulls[key] = null;
                else body = null;
                raw = body is null ? "null"u8.ToArray() : null;
                description = "every field null";
                break;
            case "unexpected-body":
                raw = random.Next(2) == 0 ? DeepJson(random) : Encoding.UTF8.GetBytes("{\"id\": \"" + Nasty.Huge(random, 10_000) + "\"}");
                contentType = "application/json";
                description = "a body where none is expected";
                break;
            default:
                query.Add(new($"x{random.Next(100)}", Nasty.UrlValue(random)));
                for (var i = random.Next(0, 200); i > 0; i--) query.Add(new($"p{i}", "1"));
                description = $"{query.Count} unknown query parameters";
                break;
        }

        raw ??= body is null && !endpoint.HasBody ? null : Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null");
        return new RestCase(endpoint, number, kind, description, user, Url(route, query), raw, raw is null ? null : contentType, headers);
    }

    string Url(Dictionary<string, string> route, List<KeyValuePair<string, string>> query)
    {
        var path = endpoint.Template;
        foreach (var (name, value) in route) path = path.Replace("{" + name + "}", value);
        return path.TrimStart('/') + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}")));
    }

    string RouteBaseline(Parameter parameter, Random random) => schema.TypeOf(parameter.Schema) switch
    {
        "integer" => random.Next(100_000, 200_000).ToString(),
        _ when schema.FormatOf(parameter.Schema) == "uuid" => new Guid(Schema.RandomBytes(random, 16)).ToString(),
        // Names no demo entity has: a request the fuzzer turns valid by chance must not delete the demo data.
        _ => parameter.Name == "code" ? "fuzz-dept" : "fuzz-user",
    };

    /// <summary>Replaces one property (an enum one when asked and there is one) of the body, however deep, with a spoiled value.</summary>
    string Spoil(JsonNode? body, Random random, Func<string, JsonNode?, JsonNode?> spoil, string what, bool preferEnums = false)
    {
        var candidates = new List<(JsonObject Owner, string Name, JsonNode? Schema)>();
        Collect(body, endpoint.BodySchema, candidates, 0);
        if (candidates.Count == 0) return what + " as the body";
        var enums = candidates.Where(c => schema.EnumOf(c.Schema).Count > 0 || c.Name is "priority" or "status" or "type" or "visibility" or "mode").ToList();
        var (owner, name, propertySchema) = preferEnums && enums.Count > 0 ? enums[random.Next(enums.Count)] : candidates[random.Next(candidates.Count)];
        owner[name] = spoil(name, propertySchema);
        return $"{what} in '{name}'";
    }

    void Collect(JsonNode? node, JsonNode? nodeSchema, List<(JsonObject, string, JsonNode?)> into, int depth)
    {
        if (node is not JsonObject obj || depth > 4) return;
        var properties = schema.PropertiesOf(nodeSchema).ToDictionary(p => p.Name, p => p.Schema);
        foreach (var (name, value) in obj.ToList())
        {
            var propertySchema = properties.GetValueOrDefault(name);
            into.Add((obj, name, propertySchema));
            if (value is JsonObject) Collect(value, propertySchema, into, depth + 1);
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject) Collect(array[0], schema.ItemsOf(propertySchema), into, depth + 1);
        }
    }

    static byte[] DeepJson(Random random)
    {
        var depth = random.Next(65, FuzzSettings.Long ? 200_000 : 20_000);
        return random.Next(3) switch
        {
            0 => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)),
            1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)),
            _ => Encoding.UTF8.GetBytes("{\"title\":" + new string('[', depth)),
        };
    }

    static byte[] InvalidUtf8(byte[] json, Random random)
    {
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80]];
        var marker = Encoding.UTF8.GetBytes("\\u0001MARK\\u0001");
        var at = json.AsSpan().IndexOf(marker);
        var bad = invalid[random.Next(invalid.Length)];
        if (at < 0) return [.. json, .. bad];
        return [.. json.AsSpan(0, at), .. bad, .. "fuzz"u8, .. bad, .. json.AsSpan(at + marker.Length)];
    }

    static byte[] NotJson(Random random, out string description)
    {
        (string Text, string What)[] shapes =
        [
            ("", "an empty body"), ("{", "an unfinished object"), ("{\"a\":1,}", "a trailing comma"), ("{'a':1}", "single quotes"),
            ("[]", "an array"), ("\"text\"", "a string"), ("42", "a number"), ("{\"a\":1}{\"b\":2}", "two documents"),
            ("{\"a\":NaN}", "NaN"), ("{\"a\":1 /* comment */}", "a comment"), ("\uFEFF\uFEFF{}", "two byte-order marks"),
            ("{\"a\":\"\\uD800\"}", "a lone surrogate escape"), ("{\"a\":\"\\x41\"}", "an invalid escape"), ("<xml/>", "XML"),
            ("{\"title\":\"a\",\"title\":\"b\"}", "duplicate keys"), ("\u0000\u0000\u0000", "NUL bytes"),
        ];
        if (random.Next(5) == 0)
        {
            description = "random bytes";
            return Schema.RandomBytes(random, random.Next(1, 4096));
        }
        var (text, what) = shapes[random.Next(shapes.Length)];
        description = what;
        return Encoding.UTF8.GetBytes(text);
    }

    static string Short(string text) => text.Length > 60 ? $"{text[..40]}… ({text.Length} chars)" : text;
}
