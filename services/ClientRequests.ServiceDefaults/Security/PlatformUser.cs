namespace ClientRequests.ServiceDefaults.Security;

/// <summary>A person the platform knows: the demo users, and the users the tests make up.</summary>
public sealed record PlatformUser(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);
