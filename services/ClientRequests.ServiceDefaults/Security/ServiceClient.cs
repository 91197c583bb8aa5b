namespace ClientRequests.ServiceDefaults.Security;

/// <summary>A service's client-credentials registration at the authority.</summary>
public sealed class ServiceClient
{
    public string? Id { get; set; }
    public string? Secret { get; set; }
    /// <summary>The narrow scope the calls need, e.g. <c>clients.directory</c>.</summary>
    public string Scope { get; set; } = "";
}
