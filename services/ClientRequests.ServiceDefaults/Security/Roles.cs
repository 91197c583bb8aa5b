namespace ClientRequests.ServiceDefaults.Security;

public static class Roles
{
    public const string AccountManager = "account-manager";
    public const string AccountExecutive = "account-executive";
    public const string DepartmentAgent = "department-agent";
    public const string DepartmentLead = "department-lead";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [AccountManager, AccountExecutive, DepartmentAgent, DepartmentLead, Analyst, Admin];
}
