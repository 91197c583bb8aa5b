using Microsoft.AspNetCore.Authorization;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>Every route names one of these; the names say who may call it.</summary>
public static class Policies
{
    public const string AnyUser = "any-user";
    public const string AccountTeam = "account-team";
    public const string DepartmentStaff = "department-staff";
    public const string DepartmentLead = "department-lead";
    public const string Reader = "reader";
    public const string Admin = "admin";
    /// <summary>Admins, and machine clients granted the <see cref="DirectoryScope"/> scope (the requests service rebuilding its team copy).</summary>
    public const string DirectoryReader = "directory-reader";

    /// <summary>The narrow scope for reading the clients directory with no user behind the call.</summary>
    public const string DirectoryScope = "clients.directory";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser());
        options.AddPolicy(AccountTeam, p => p.RequireRole(Roles.AccountManager, Roles.AccountExecutive, Roles.Admin));
        options.AddPolicy(DepartmentStaff, p => p.RequireRole(Roles.DepartmentAgent, Roles.DepartmentLead, Roles.Admin));
        options.AddPolicy(DepartmentLead, p => p.RequireRole(Roles.DepartmentLead, Roles.Admin));
        options.AddPolicy(Reader, p => p.RequireRole(Roles.All.ToArray()));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(DirectoryReader, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin) || c.User.HasScope(DirectoryScope)));
        // A route that forgets to name a policy is closed, not open.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
