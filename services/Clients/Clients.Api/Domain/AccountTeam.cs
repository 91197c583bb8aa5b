namespace ClientRequests.Clients.Domain;

/// <summary>
/// An account executive's reporting line. The team of a client is its account manager plus every executive
/// reporting to that manager, so moving one executive changes the team of all the manager's clients at once.
/// An executive without a row (or with <see cref="ManagerId"/> null) reports to nobody.
/// </summary>
public sealed class ExecutiveAssignment
{
    public required string ExecutiveId { get; init; }
    public string? ManagerId { get; set; }
    public required string ChangedBy { get; set; }
    public required DateTimeOffset ChangedAt { get; set; }
}
