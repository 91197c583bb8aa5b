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
    /// <summary>Skills a member needs to be offered the work items this rule routes (load-aware departments).</summary>
    public List<string> RequiredSkills { get; set; } = [];

    public bool Matches(RouteQuery query) =>
        Same(RequestType, query.RequestType) &&
        Same(Priority, query.Priority) &&
        Same(ClientTier, query.ClientTier) &&
        (Tag is null || query.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when every request this rule matches is also matched by <paramref name="other"/>.</summary>
    public bool IsCoveredBy(RoutingRule other) =>
        Covers(other.RequestType, RequestType) && Covers(other.Priority, Priority) &&
        Covers(other.ClientTier, ClientTier) && Covers(other.Tag, Tag);

    static bool Covers(string? general, string? specific) =>
        general is null || (specific is not null && string.Equals(general, specific, StringComparison.OrdinalIgnoreCase));

    static bool Same(string? condition, string value) =>
        condition is null || string.Equals(condition, value, StringComparison.OrdinalIgnoreCase);
}
