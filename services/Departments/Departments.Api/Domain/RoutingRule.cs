namespace ClientRequests.Departments.Domain;

/// <summary>
/// Where requests go, as data. A rule matches when every condition it sets matches (an empty condition
/// matches anything); rules are tried in <see cref="Order"/> and the first match wins.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public string? RequestType { get; set; }
    public string? Priority { get; set; }
    public string? ClientTier { get; set; }
    public string? Tag { get; set; }
    public List<string> TargetDepartments { get; set; } = [];

    public bool Matches(RouteQuery query) =>
        Same(RequestType, query.RequestType) &&
        Same(Priority, query.Priority) &&
        Same(ClientTier, query.ClientTier) &&
        (Tag is null || query.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase));

    static bool Same(string? condition, string value) =>
        condition is null || string.Equals(condition, value, StringComparison.OrdinalIgnoreCase);
}

public sealed record RouteQuery(string RequestType, string Priority, string ClientTier, IReadOnlyList<string> Tags);

public sealed record RoutingDecision(IReadOnlyList<string> DepartmentCodes, string MatchedRule);

public static class Router
{
    /// <summary>The first matching rule's departments, else the default department.</summary>
    public static RoutingDecision Resolve(IEnumerable<RoutingRule> rules, RouteQuery query, string defaultDepartment)
    {
        var match = rules.OrderBy(r => r.Order).FirstOrDefault(r => r.Matches(query));
        return match is null
            ? new RoutingDecision([defaultDepartment], "default")
            : new RoutingDecision(match.TargetDepartments.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), match.Name);
    }
}
