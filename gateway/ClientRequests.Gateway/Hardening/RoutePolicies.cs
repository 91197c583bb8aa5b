namespace ClientRequests.Gateway.Hardening;

/// <summary>
/// Every proxied route must name its authorization policy. The fallback policy would close a forgetful route anyway,
/// but naming it keeps who may call what readable in one place, so the gateway refuses to start without it.
/// </summary>
public static class RoutePolicies
{
    public static IReadOnlyList<string> RoutesWithoutPolicy(IConfiguration reverseProxy) =>
        reverseProxy.GetSection("Routes").GetChildren()
            .Where(route => string.IsNullOrWhiteSpace(route["AuthorizationPolicy"]))
            .Select(route => route.Key)
            .ToList();

    public static void EnsureEveryRouteHasAPolicy(IConfiguration reverseProxy)
    {
        var missing = RoutesWithoutPolicy(reverseProxy);
        if (missing.Count > 0)
            throw new InvalidOperationException($"ReverseProxy routes without an AuthorizationPolicy: {string.Join(", ", missing)}.");
    }
}
