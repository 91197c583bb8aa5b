namespace ClientRequests.Departments.Domain;

/// <summary>Checks a rule list as a whole: a change to one rule can make another unreachable.</summary>
public static class RuleValidation
{
    public const int MaxTargets = 10;

    /// <summary>Field errors for <paramref name="candidate"/> placed in <paramref name="others"/>; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(RoutingRule candidate, IReadOnlyCollection<RoutingRule> others,
        IReadOnlySet<string> departmentCodes)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) { if (!errors.ContainsKey(field)) errors[field] = [message]; }

        if (string.IsNullOrWhiteSpace(candidate.Name) || candidate.Name.Length > 200) Add("name", "'name' is required (at most 200 characters).");
        if (candidate.TargetDepartments.Count is 0 or > MaxTargets)
            Add("targetDepartments", $"'targetDepartments' needs 1 to {MaxTargets} department codes.");
        var unknown = candidate.TargetDepartments.Where(code => !departmentCodes.Contains(code)).ToList();
        if (unknown.Count > 0) Add("targetDepartments", $"No department with code {string.Join(", ", unknown.Select(c => $"'{c}'"))}.");
        if (candidate.RequiredSkills.Any(string.IsNullOrWhiteSpace)) Add("requiredSkills", "'requiredSkills' may not contain empty skills.");

        var clash = others.FirstOrDefault(r => r.Order == candidate.Order);
        if (clash is not null) Add("order", $"Rule '{clash.Name}' already has order {candidate.Order}; orders decide which rule wins, so they must differ.");
        if (errors.Count > 0) return errors;

        var earlier = others.Where(r => r.Order < candidate.Order).OrderBy(r => r.Order).FirstOrDefault(candidate.IsCoveredBy);
        if (earlier is not null)
            Add("order", $"The rule can never match: rule '{earlier.Name}' (order {earlier.Order}) matches every request it matches, first.");
        var hidden = others.Where(r => r.Order > candidate.Order).OrderBy(r => r.Order).FirstOrDefault(r => r.IsCoveredBy(candidate));
        if (hidden is not null)
            Add("order", $"The rule would make rule '{hidden.Name}' (order {hidden.Order}) unreachable: it matches every request that rule matches, first.");
        return errors;
    }
}
