namespace ClientRequests.Departments.Domain;

public sealed record RouteQuery(string RequestType, string Priority, string ClientTier, IReadOnlyList<string> Tags);
