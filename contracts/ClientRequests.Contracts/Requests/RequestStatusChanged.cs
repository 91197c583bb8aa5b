namespace ClientRequests.Contracts.Requests;

/// <summary>
/// A request moved from one lifecycle state to another, by a person (ActorId) or by the roll-up of its
/// work items (ActorId "system"). Statuses are the names of the lifecycle states.
/// </summary>
public record RequestStatusChanged
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string AccountManagerId { get; init; }
    public required string Status { get; init; }
    public required string ActorId { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
