namespace ClientRequests.Departments.Domain;

public sealed record RoutingDecision(IReadOnlyList<string> DepartmentCodes, string MatchedRule);
