using System.Text;
using System.Text.Json.Nodes;
using ClientRequests.Fuzz.Tests.Rest;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Fuzz.Tests.GraphQL;

/// <summary>Deterministic hostile GraphQL: broken syntax, depth, complexity, alias bombs, batches, wrong and huge variables.</summary>
public static class GraphQLCaseGenerator
{
    public static readonly string[] Kinds =
    [
        "syntax-error", "deep-query", "complex-query", "alias-bomb", "large-batch", "wrong-variable-type", "huge-variables",
        "fragment-cycle", "directive-abuse", "bad-envelope", "bad-mutation-input", "subscription-without-stream",
    ];

    /// <summary>Well-formed operations the mutations start from.</summary>
    static readonly string[] ValidQueries =
    [
        "{ me { id name roles departments } }",
        "{ departments { code name mode leadId members { userId name skills capacity } } }",
        "query Requests($first: Int, $after: String) { requests(first: $first, after: $after) { nodes { id title status client { name health { band score } } workItems { departmentCode status } } pageInfo { hasNextPage endCursor } } }",
        "query One($id: ID!) { request(id: $id) { id title status sla { state resolutionDueAt atRisk breached } timeline { __typename } } }",
        "query Clients($ids: [ID!]!) { clients(ids: $ids) { id name tier accountTeam { accountManagerId accountExecutiveIds } } }",
        "{ queue(code: \"billing\") { items { id title status priority } nextCursor } }",
        "query Dashboard($days: Int) { dashboard(days: $days) { days backlog { departmentCode open byStatus { status count } } slaByClient { key compliance breachedOpen } cycleTime { p50Hours p99Hours } requestsOverTime { day type count } clientHealth { name health { score } } } }",
        "query Mine($first: Int, $after: String) { me { unreadNotifications work(first: $first, after: $after) { nodes { id status request { title } } pageInfo { endCursor } } notifications(first: $first, after: $after, unreadOnly: true) { nodes { id kind request { title } } } } }",
    ];

    public static GraphQLCase Generate(int number)
    {
        var random = FuzzSettings.RandomFor("graphql", number);
        var kind = Kinds[number % Kinds.Length];
        var user = (number % 4) switch { 0 => DemoUsers.Alice, 1 => DemoUsers.Grace, 2 => DemoUsers.Frank, _ => DemoUsers.Carol };
        var (body, description) = kind switch
        {
            "syntax-error" => SyntaxError(random),
            "deep-query" => DeepQuery(random),
            "complex-query" => ComplexQuery(random),
            "alias-bomb" => AliasBomb(random),
            "large-batch" => LargeBatch(random),
            "wrong-variable-type" => WrongVariableType(random),
            "huge-variables" => HugeVariables(random),
            "fragment-cycle" => (Operation("query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { departments { code } ...A }"), "fragments that spread each other"),
            "directive-abuse" => DirectiveAbuse(random),
            "bad-mutation-input" => BadMutationInput(random),
            "subscription-without-stream" => (Operation($"subscription {{ requestUpdated(id: \"{Nasty.BadEnum(random)}\") {{ id status }} }}"), "a subscription over plain POST"),
            _ => default,
        };
        if (kind == "bad-envelope") return BadEnvelope(number, user, random);
        return new GraphQLCase(number, kind, description, user, HttpMethod.Post, "graphql", body, "application/json");
    }

    static byte[] Operation(string query, JsonNode? variables = null, string? operationName = null)
    {
        var request = new JsonObject { ["query"] = query };
        if (variables is not null) request["variables"] = variables;
        if (operationName is not null) request["operationName"] = operationName;
        return Encoding.UTF8.GetBytes(request.ToJsonString());
    }

    static (byte[], string) SyntaxError(Random random)
    {
        var query = new StringBuilder(ValidQueries[random.Next(ValidQueries.Length)]);
        const string noise = "{}()[]:$@!\"#.,=|&\\\u0000é";
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(query.Length);
            switch (random.Next(3))
            {
                case 0: query.Remove(at, 1); break;
                case 1: query.Insert(at, noise[random.Next(noise.Length)]); break;
                default: query.Length = Math.Max(1, at); break;
            }
        }
        return (Operation(query.ToString()), $"syntax broken: {Short(query.ToString())}");
    }

    static (byte[], string) DeepQuery(Random random)
    {
        var depth = random.Next(9, FuzzSettings.Long ? 5_000 : 600);
        var query = random.Next(2) == 0
            ? "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", depth)) + "{ name }" + new string('}', depth) + " } } } }"
            : string.Concat(Enumerable.Repeat("{ requests { nodes { client { accountTeam ", depth / 4 + 1)) + "{ accountManagerId }" +
              string.Concat(Enumerable.Repeat(" } } } }", depth / 4 + 1)) + " }";
        return (Operation(query), $"selections nested {depth} deep");
    }

    static (byte[], string) ComplexQuery(Random random)
    {
        var first = new[] { 1000, 100_000, int.MaxValue, 200 }[random.Next(4)];
        var copies = random.Next(2, 40);
        var query = "{ " + string.Concat(Enumerable.Range(0, copies).Select(i =>
            $"r{i}: requests(first: {first}) {{ nodes {{ id title client {{ name health {{ band score }} accountTeam {{ accountManagerId }} }} workItems {{ id status departmentName }} timeline {{ __typename }} }} }} ")) + "}";
        return (Operation(query), $"{copies} copies of requests(first: {first}) with every nested list");
    }

    static (byte[], string) AliasBomb(Random random)
    {
        var aliases = random.Next(100, FuzzSettings.Long ? 20_000 : 2_000);
        var field = new[] { "me { id }", "departments { members { skills } }", "__typename", "queue(code: \"billing\") { items { id } }" }[random.Next(4)];
        var query = "{ " + string.Concat(Enumerable.Range(0, aliases).Select(i => $"a{i}: {field} ")) + "}";
        return (Operation(query), $"{aliases} aliases of {field}");
    }

    static (byte[], string) LargeBatch(Random random)
    {
        var size = random.Next(4) switch { 0 => 0, 1 => 6, _ => random.Next(7, FuzzSettings.Long ? 20_000 : 2_000) };
        var batch = new JsonArray();
        for (var i = 0; i < size; i++) batch.Add(new JsonObject { ["query"] = ValidQueries[random.Next(ValidQueries.Length)] });
        if (random.Next(3) == 0 && size > 0) batch[0] = JsonValue.Create(42);
        return (Encoding.UTF8.GetBytes(batch.ToJsonString()), $"a batch of {size}");
    }

    static (byte[], string) WrongVariableType(Random random)
    {
        var wrong = Nasty.WrongType(random.Next(2) == 0 ? "string" : "integer", random);
        return random.Next(6) switch
        {
            0 => (Operation(ValidQueries[3], new JsonObject { ["id"] = wrong }), $"$id: ID! = {wrong?.ToJsonString() ?? "null"}"),
            5 => (Operation(ValidQueries[6], new JsonObject
            {
                ["first"] = JsonNode.Parse(Nasty.BoundaryNumbers[random.Next(Nasty.BoundaryNumbers.Length)]), ["after"] = Nasty.BadCursor(random),
            }), "me.work and me.notifications with a boundary page size and a bad cursor"),
            1 => (Operation(ValidQueries[2], new JsonObject { ["first"] = JsonNode.Parse(Nasty.BoundaryNumbers[random.Next(Nasty.BoundaryNumbers.Length)]) }),
                "$first: Int at a boundary"),
            2 => (Operation(ValidQueries[4], new JsonObject { ["ids"] = new JsonArray(null, 1, new JsonObject(), "x") }), "$ids with nulls and objects"),
            3 => (Operation(ValidQueries[2], new JsonObject { ["after"] = Nasty.BadCursor(random), ["undeclared"] = 1 }), "a bad cursor and an undeclared variable"),
            _ => (Encoding.UTF8.GetBytes(new JsonObject { ["query"] = ValidQueries[3], ["variables"] = wrong }.ToJsonString()), "variables that are not an object"),
        };
    }

    static (byte[], string) HugeVariables(Random random)
    {
        if (random.Next(2) == 0)
        {
            var huge = Nasty.Huge(random, random.Next(FuzzSettings.HugeString / 10, FuzzSettings.HugeString));
            return (Operation(ValidQueries[3], new JsonObject { ["id"] = huge }), $"$id of {huge.Length} chars");
        }
        var count = random.Next(1_000, FuzzSettings.Long ? 500_000 : 50_000);
        var ids = new JsonArray();
        for (var i = 0; i < count; i++) ids.Add(Nasty.RandomGuid(random).ToString());
        return (Operation(ValidQueries[4], new JsonObject { ["ids"] = ids }), $"$ids with {count} ids");
    }

    static (byte[], string) DirectiveAbuse(Random random)
    {
        var count = random.Next(10, FuzzSettings.Long ? 2_000 : 300);
        var directive = random.Next(3) switch { 0 => "@include(if: true)", 1 => "@skip(if: false)", _ => "@unknown(x: 1)" };
        return (Operation("{ me " + string.Concat(Enumerable.Repeat(directive + " ", count)) + "{ id } }"), $"{count} × {directive}");
    }

    static (byte[], string) BadMutationInput(Random random)
    {
        var huge = Nasty.Huge(random, random.Next(1_000, FuzzSettings.HugeString));
        return random.Next(5) switch
        {
            4 => (Operation("mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { marked } }", new JsonObject
            {
                ["ids"] = new JsonArray(huge[..Math.Min(huge.Length, 5000)], "", Nasty.RandomGuid(random).ToString()), ["all"] = random.Next(2) == 0,
            }), "markNotificationsRead with a huge id, an empty one and a stranger's"),
            0 => (Operation("mutation($input: OpenRequestInput!) { openRequest(input: $input) { id } }", new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["clientId"] = random.Next(2) == 0 ? "11111111-1111-1111-1111-111111111111" : Nasty.BadEnum(random),
                    ["type"] = Nasty.BadEnum(random), ["priority"] = Nasty.BadEnum(random), ["title"] = huge, ["description"] = "",
                    ["tags"] = new JsonArray(huge[..Math.Min(huge.Length, 5000)], ""), ["wantedBy"] = "9999-99-99",
                },
            }), "openRequest with bad enums, a huge title and a bad date"),
            1 => (Operation($"mutation {{ changeRequestStatus(id: \"{Nasty.RandomGuid(random)}\", action: NOT_AN_ACTION) {{ id }} }}"), "an unknown action"),
            2 => (Operation("mutation($t: String!) { addComment(requestId: \"not-a-guid\", text: $t, visibility: \"everyone\") { id } }",
                new JsonObject { ["t"] = huge }), $"addComment with {huge.Length} chars to a bad id"),
            _ => (Operation("mutation { openRequest(input: {}) { id } }"), "openRequest without its required fields"),
        };
    }

    static GraphQLCase BadEnvelope(int number, PlatformUser user, Random random)
    {
        (string Method, string Url, string? Body, string? ContentType, string What)[] shapes =
        [
            ("POST", "graphql", "{", "application/json", "unfinished JSON"),
            ("POST", "graphql", "{\"query\": 42}", "application/json", "a query that is a number"),
            ("POST", "graphql", "{}", "application/json", "no query"),
            ("POST", "graphql", "null", "application/json", "null"),
            ("POST", "graphql", "\"{ me { id } }\"", "application/json", "a JSON string"),
            ("POST", "graphql", "{ me { id } }", "application/graphql", "a raw query as application/graphql"),
            ("POST", "graphql", "query=%7Bme%7Bid%7D%7D", "application/x-www-form-urlencoded", "a form"),
            ("POST", "graphql", "{\"query\":\"query A { me { id } } query B { me { name } }\"}", "application/json", "two operations without operationName"),
            ("POST", "graphql", "{\"query\":\"{ me { id } }\",\"operationName\":\"Nope\"}", "application/json", "an unknown operationName"),
            ("POST", "graphql", null, "application/json", "invalid UTF-8"),
            ("GET", "graphql?query=" + Uri.EscapeDataString("mutation { addComment(requestId: \"x\", text: \"y\") { id } }"), null, null, "a mutation over GET"),
            ("GET", "graphql?query=%7B%7B%7B", null, null, "broken syntax over GET"),
            ("GET", "graphql", null, null, "GET without a query"),
            ("GET", "graphql?query=%7Bme%7Bid%7D%7D&variables=%7Bnot-json", null, null, "GET with variables that are not JSON"),
            ("GET", "graphql?query=" + new string('{', 6_000), null, null, "GET with 6000 opening braces"),
            ("POST", "graphql", "{\"query\":\"{ me { id } }\"}", "text/plain", "a text/plain body"),
        ];
        var (method, url, body, contentType, what) = shapes[random.Next(shapes.Length)];
        var bytes = body is null && method == "POST" ? [.. "{\"query\":\"{ me { id "u8, 0xC3, 0x28, 0xFF, .. "} }\"}"u8] : body is null ? null : Encoding.UTF8.GetBytes(body);
        return new GraphQLCase(number, "bad-envelope", what, user, new HttpMethod(method), url, bytes, contentType);
    }

    static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
