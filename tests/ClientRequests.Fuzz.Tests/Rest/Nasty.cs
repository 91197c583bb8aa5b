using System.Text;
using System.Text.Json.Nodes;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>Values that break parsers, converters and databases: the fuzzers' vocabulary.</summary>
public static class Nasty
{
    /// <summary>Route and query values, as they appear in a URL (already percent-encoded where that is the point).</summary>
    public static readonly string[] UrlValues =
    [
        "", "%20", "null", "undefined", "0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN", "Infinity",
        "1.5", "0x10", "true", "not-a-guid", "00000000-0000-0000-0000-000000000000", "{11111111-1111-1111-1111-111111111111}",
        "11111111-1111-1111-1111-11111111111", "11111111111111111111111111111111x", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
        "%00", "%ZZ", "%C3%28", "%FF%FE", "%ED%A0%80", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--", "%3Cscript%3E",
        "%F0%9F%92%A9", "a%2Fb", "%5B%5D", "%7B%7D", "2026-13-45", "9999-12-31T23:59:59Z", "0001-01-01", "-0", "+1", "1%2C2",
        "P1", "p9", "Queued%00", "AAAA", "____", "!!!!", "eyJhIjoxfQ", "MTIzOmFiYw", "LTE6MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA",
        "OTk5OTk5OTk5OTk5OTk5OTk5OTk5Ojk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
    ];

    /// <summary>A cursor of the shape the services hand out (base64url of "ticks:id"), spoiled one way.</summary>
    public static string BadCursor(Random random)
    {
        var id = RandomGuid(random);
        var inner = random.Next(8) switch
        {
            0 => $"{long.MaxValue}:{id:N}",
            1 => $"-5:{id:N}",
            2 => $"{Epoch.UtcTicks}:not-a-guid",
            3 => $"{Epoch.UtcTicks}",
            4 => $"{Epoch.UtcTicks}:{id:N}:extra",
            5 => Encoding.Latin1.GetString(Schema.RandomBytes(random, random.Next(1, 64))),
            6 => $"99999999999999999999999999:{id:N}",
            _ => "",
        };
        var encoded = Convert.ToBase64String(Encoding.Latin1.GetBytes(inner)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return random.Next(4) == 0 ? encoded + "%3D%3D!" : Uri.EscapeDataString(encoded);
    }

    /// <summary>A fixed instant, so generated dates and cursors do not depend on the clock.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static Guid RandomGuid(Random random) => new(Schema.RandomBytes(random, 16));

    public static string UrlValue(Random random) => random.Next(6) switch
    {
        0 => BadCursor(random),
        1 => new string('a', random.Next(2_000, 9_000)),
        _ => UrlValues[random.Next(UrlValues.Length)],
    };

    /// <summary>A JSON value of another type than <paramref name="type"/>.</summary>
    public static JsonNode? WrongType(string type, Random random)
    {
        JsonNode?[] all =
        [
            JsonValue.Create(42), JsonValue.Create("forty-two"), JsonValue.Create(true), new JsonArray(1, "two"),
            new JsonObject { ["nested"] = "object" }, null, JsonValue.Create(-1.5e300), new JsonArray(),
        ];
        var wrong = all.Where(v => TypeName(v) != type && !(type == "number" && TypeName(v) == "integer")).ToArray();
        return wrong[random.Next(wrong.Length)]?.DeepClone();
    }

    static string TypeName(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "array",
        JsonObject => "object",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<int>(out _) => "integer",
        _ => "number",
    };

    /// <summary>Numbers at and past the edges of int, long, double and decimal, as raw JSON text.</summary>
    public static readonly string[] BoundaryNumbers =
    [
        "0", "-0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e308", "1e309", "-1e309", "4.9e-324", "1.5", "0.0000000000000000000001", "79228162514264337593543950336",
        "123456789012345678901234567890123456789012345678901234567890", "1E+2", "-2.5e-3",
    ];

    public static string BadEnum(Random random) =>
        new[] { "", " ", "unknown", "P0", "P99", "p1", "QUEUED", "queued ", "0", "-1", "999", "Null", "true", "🙂", "P1\u0000", "billing;drop" }
            [random.Next(16)];

    /// <summary>A huge string: plain, or of characters that grow when encoded or normalised.</summary>
    public static string Huge(Random random, int length) => random.Next(4) switch
    {
        0 => new string('x', length),
        1 => string.Concat(Enumerable.Repeat("é😀\u202e", length / 4 + 1))[..length],
        2 => string.Concat(Enumerable.Repeat("\\\"<>&'", length / 6 + 1))[..length],
        _ => new string('\u0301', length),
    };
}
