namespace ClientRequests.Identity;

/// <summary>An integration (an external department's system, an importer) that calls the platform with no user behind it.</summary>
public sealed class MachineClientOptions
{
    public string DisplayName { get; set; } = "";
    public string Secret { get; set; } = "";
    /// <summary>The scopes it may ask for; a token carries only the ones asked for.</summary>
    public List<string> Scopes { get; set; } = [];
    /// <summary>The platform roles its tokens carry (for an external department's system: department-agent).</summary>
    public List<string> Roles { get; set; } = [];
    public List<string> Departments { get; set; } = [];
}
