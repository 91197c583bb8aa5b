namespace ClientRequests.Requests.Data;

/// <summary>
/// One version of the SLA policy, never changed once written: the current policy is the highest version. The version is
/// the key, so two admins saving on the same version cannot both win.
/// </summary>
public sealed class SlaPolicyVersion
{
    public required int Version { get; init; }
    /// <summary>The policy document as JSON (<see cref="Domain.Sla.SlaPolicyDocument"/>).</summary>
    public required string Document { get; init; }
    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
