namespace ClientRequests.Departments.Domain;

public static class Router
{
    /// <summary>The first matching rule's departments, else the default department.</summary>
    public static RoutingDecision Resolve(IEnumerable<RoutingRule> rules, RouteQuery query, string defaultDepartment)
    {
        var match = InOrder(rules).FirstOrDefault(r => r.Matches(query));
        return match is null
            ? new RoutingDecision([defaultDepartment], "default")
            : new RoutingDecision(match.TargetDepartments.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), match.Name);
    }

    /// <summary>
    /// The skills a department's work item needs. The queue message carries only type and priority, so the first
    /// rule that targets the department and does not contradict those two decides.
    /// </summary>
    public static IReadOnlyList<string> RequiredSkills(IEnumerable<RoutingRule> rules, string departmentCode, string type, string priority) =>
        InOrder(rules).FirstOrDefault(r =>
                r.TargetDepartments.Contains(departmentCode, StringComparer.OrdinalIgnoreCase) &&
                (r.RequestType is null || string.Equals(r.RequestType, type, StringComparison.OrdinalIgnoreCase)) &&
                (r.Priority is null || string.Equals(r.Priority, priority, StringComparison.OrdinalIgnoreCase)))
            ?.RequiredSkills ?? [];

    public static IEnumerable<RoutingRule> InOrder(IEnumerable<RoutingRule> rules) => rules.OrderBy(r => r.Order).ThenBy(r => r.Id);
}
