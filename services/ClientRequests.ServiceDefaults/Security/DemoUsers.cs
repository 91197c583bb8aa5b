namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// The people the demo data is built around. Services seed their data with these ids, the gateway
/// hands out tokens for them in Development, and the tests sign in as them.
/// </summary>
public static class DemoUsers
{
    public static readonly PlatformUser Alice = new("alice", "Alice Martin", [Roles.AccountManager], []);
    public static readonly PlatformUser Bob = new("bob", "Bob Evans", [Roles.AccountExecutive], []);
    public static readonly PlatformUser Mallory = new("mallory", "Mallory Stone", [Roles.AccountManager], []);
    public static readonly PlatformUser Carol = new("carol", "Carol Diaz", [Roles.DepartmentAgent], ["billing"]);
    public static readonly PlatformUser Dave = new("dave", "Dave Chen", [Roles.DepartmentLead], ["billing"]);
    public static readonly PlatformUser Erin = new("erin", "Erin Walsh", [Roles.DepartmentAgent], ["legal"]);
    public static readonly PlatformUser Sam = new("sam", "Sam Ortiz", [Roles.DepartmentAgent], ["support"]);
    public static readonly PlatformUser Frank = new("frank", "Frank Ito", [Roles.Analyst], []);
    public static readonly PlatformUser Grace = new("grace", "Grace Hopper", [Roles.Admin], []);

    public static readonly IReadOnlyList<PlatformUser> All = [Alice, Bob, Mallory, Carol, Dave, Erin, Sam, Frank, Grace];

    public static PlatformUser? Find(string id) => All.FirstOrDefault(u => u.Id == id);
}
