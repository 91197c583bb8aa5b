using ClientRequests.Gateway.Hardening;
using ClientRequests.TestKit;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests;

public sealed class RoutePolicyTests
{
    static IConfiguration ReverseProxyOf(string appsettings) =>
        new ConfigurationBuilder().AddJsonFile(appsettings, optional: false).Build().GetSection("ReverseProxy");

    [Fact]
    public void Every_route_in_the_gateways_appsettings_names_an_authorization_policy()
    {
        var proxy = ReverseProxyOf(Path.Combine(Repository.Root, "gateway", "ClientRequests.Gateway", "appsettings.json"));
        Assert.NotEmpty(proxy.GetSection("Routes").GetChildren());
        Assert.Empty(RoutePolicies.RoutesWithoutPolicy(proxy));
    }

    [Fact]
    public void A_route_without_a_policy_is_named_and_stops_the_gateway()
    {
        var proxy = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:open:ClusterId"] = "clients",
            ["ReverseProxy:Routes:open:Match:Path"] = "/api/open/{**rest}",
            ["ReverseProxy:Routes:closed:ClusterId"] = "clients",
            ["ReverseProxy:Routes:closed:AuthorizationPolicy"] = "any-user",
        }).Build().GetSection("ReverseProxy");

        Assert.Equal(["open"], RoutePolicies.RoutesWithoutPolicy(proxy));
        var refused = Assert.Throws<InvalidOperationException>(() => RoutePolicies.EnsureEveryRouteHasAPolicy(proxy));
        Assert.Contains("open", refused.Message);
    }
}
