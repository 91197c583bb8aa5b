namespace ClientRequests.Departments.Domain;

/// <summary>Who acts: a lead of the item's department (or an admin) may act on items others hold.</summary>
public sealed record Actor(string UserId, bool IsLead);
