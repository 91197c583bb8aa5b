namespace ClientRequests.ServiceDefaults.Security;

/// <summary>The names of the token claims each part of the platform's identity comes from. A dotted name reads into a JSON claim (Keycloak's <c>realm_access.roles</c>).</summary>
public sealed class ClaimNames
{
    public string UserId { get; set; } = "sub";
    public string Name { get; set; } = "name";
    public string Email { get; set; } = "email";
    public string[] Roles { get; set; } = ["role"];
    public string[] Departments { get; set; } = ["dept"];
}
