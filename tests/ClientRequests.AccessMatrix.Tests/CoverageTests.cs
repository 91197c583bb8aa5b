using System.Text.Json;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// The matrix against the apps themselves: an endpoint or a GraphQL root field added without a matrix row fails here,
/// and so does a row whose endpoint is gone.
/// </summary>
public sealed class CoverageTests(MatrixFixture fixture)
{
    static readonly Dictionary<string, Func<Task<List<MappedEndpoint>>>> Services = new()
    {
        ["clients"] = () => AppEndpoints<ClientsApiMarker>.ListAsync(),
        ["departments"] = () => AppEndpoints<DepartmentsApiMarker>.ListAsync(),
        ["requests"] = () => AppEndpoints<RequestsApiMarker>.ListAsync(),
        ["notifications"] = () => AppEndpoints<NotificationsApiMarker>.ListAsync(),
    };

    [Theory]
    [InlineData("clients"), InlineData("departments"), InlineData("requests"), InlineData("notifications")]
    public async Task Every_endpoint_the_service_maps_has_a_matrix_row_and_every_row_an_endpoint(string service)
    {
        var mapped = (await Services[service]()).Where(e => !IsGrpcFallback(e)).Select(e => e.Key).ToHashSet();
        var rows = RestMatrix.Rows.Where(r => r.Service == service).Select(r => r.Endpoint)
            .Concat(OtherEndpoints.Grpc.Where(g => g.Service == service).Select(g => g.Endpoint)).ToHashSet();
        var accounted = rows.Concat(OtherEndpoints.AnonymousOnEveryService).ToHashSet();

        var missing = mapped.Except(accounted).Order().ToList();
        var stale = rows.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"{service}: endpoints without a matrix row: [{string.Join(", ", missing)}]; rows without an endpoint: [{string.Join(", ", stale)}]");
    }

    [Fact]
    public async Task Every_gateway_endpoint_is_accounted_for_and_every_proxied_route_is_covered_by_rows()
    {
        var mapped = await AppEndpoints<GatewayMarker>.ListAsync();
        var own = mapped.Where(e => !e.IsProxy).Select(e => e.Key).ToHashSet();
        Assert.Equal(OtherEndpoints.Gateway.Order(), own.Order());

        var prefixes = mapped.Where(e => e.IsProxy).Select(e => e.Key.Split(' ')[1].Split("/{**")[0]).Distinct().ToList();
        Assert.NotEmpty(prefixes);
        var uncovered = prefixes.Except(OtherEndpoints.AnonymousProxies).Where(p => !RestMatrix.Rows.Any(r => r.Route == p || r.Route.StartsWith(p + "/", StringComparison.Ordinal))).ToList();
        Assert.True(uncovered.Count == 0, $"Proxied routes no matrix row reaches: {string.Join(", ", uncovered)}");
        var unreachable = RestMatrix.Rows.Where(r => !prefixes.Any(p => r.Route == p || r.Route.StartsWith(p + "/", StringComparison.Ordinal)))
            .Select(r => r.Endpoint).ToList();
        Assert.True(unreachable.Count == 0, $"Rows the gateway does not proxy: {string.Join(", ", unreachable)}");
    }

    [Fact]
    public async Task Outside_Development_the_gateway_hands_out_no_tokens()
    {
        var mapped = await AppEndpoints<GatewayMarker>.ListAsync("Production");
        Assert.DoesNotContain(mapped, e => e.Key.Contains("/dev/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_root_field_of_the_GraphQL_schema_has_a_matrix_row_and_every_row_a_field()
    {
        var reply = await Http.SendAsync(fixture.Gateway, HttpMethod.Post, "/graphql", await fixture.Platform.ProviderTokenAsync(Callers.User(Role.Admin)), new
        {
            query = "{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }",
        });
        Assert.Equal(200, reply.Status);
        var schema = reply.Json.GetProperty("data").GetProperty("__schema");
        var fields = new[] { ("query", "queryType"), ("mutation", "mutationType"), ("subscription", "subscriptionType") }
            .SelectMany(t => schema.GetProperty(t.Item2).ValueKind == JsonValueKind.Null ? []
                : schema.GetProperty(t.Item2).GetProperty("fields").EnumerateArray().Select(f => $"{t.Item1} {f.GetProperty("name").GetString()}"))
            .ToHashSet();
        var rows = GraphQLMatrix.Rows.Select(r => $"{r.Operation} {r.Field}").ToHashSet();
        Assert.True(fields.SetEquals(rows),
            $"fields without a row: [{string.Join(", ", fields.Except(rows))}]; rows without a field: [{string.Join(", ", rows.Except(fields))}]");
    }

    [Fact]
    public async Task The_gateway_does_not_expose_the_gRPC_methods_and_each_refuses_every_bad_token()
    {
        var failures = new List<string>();
        foreach (var (service, endpoint) in OtherEndpoints.Grpc)
        {
            var path = endpoint.Split(' ')[1];
            var proxied = await Http.SendAsync(fixture.Gateway, HttpMethod.Post, path, await fixture.Platform.ProviderTokenAsync(Callers.User(Role.Admin)), "", "application/grpc");
            fixture.Tally.Count("gRPC not exposed by the gateway", proxied.Status == 404);
            if (proxied.Status != 404) failures.Add($"  gateway {path}: expected 404, got {proxied.Status}");

            using var direct = new HttpClient { BaseAddress = fixture.Platform.Processes[service].HttpAddress };
            foreach (var token in BadTokens.All)
            {
                var reply = await Http.SendAsync(direct, HttpMethod.Post, path, token.Value, "", "application/grpc");
                fixture.Tally.Count("gRPC bad token at the service", reply.Status == 401);
                if (reply.Status != 401) failures.Add($"  {token.Name} at {service} {path}: expected 401, got {reply.Status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Health_and_development_endpoints_are_anonymous_by_design_and_carry_no_client_data()
    {
        var failures = new List<string>();
        var addresses = fixture.Platform.Processes.Values.Select(p => p.HttpAddress).Append(fixture.Platform.GatewayAddress);
        foreach (var address in addresses)
        {
            using var http = new HttpClient { BaseAddress = address };
            foreach (var path in new[] { "/health/live", "/health/ready" })
            {
                var reply = await Http.SendAsync(http, HttpMethod.Get, path, null);
                var held = reply.Status == 200 && Leaks.In(reply.Body, fixture.Seeds.MarkersHiddenFrom(null), "").Count == 0;
                fixture.Tally.Count("anonymous by design", held);
                if (!held) failures.Add($"  {address}{path}: {reply.Status}");
            }
        }
        var users = await Http.SendAsync(fixture.Gateway, HttpMethod.Get, "/dev/users", null);
        fixture.Tally.Count("anonymous by design", users.Status == 200);
        if (users.Status != 200) failures.Add($"  /dev/users: {users.Status}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>gRPC's own answers for methods and services that do not exist (UNIMPLEMENTED): no handler of ours, no data.</summary>
    static bool IsGrpcFallback(MappedEndpoint e) => e.Key.EndsWith(":grpcunimplemented}", StringComparison.Ordinal);
}
