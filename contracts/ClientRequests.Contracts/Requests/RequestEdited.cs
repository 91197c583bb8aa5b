namespace ClientRequests.Contracts.Requests;

/// <summary>
/// An open request's fields changed. Carries the values after the edit and the request's version, so a receiver keeps the
/// newest whatever the arrival order. Clocks that moved with a priority change come as WorkItemClockChanged.
/// </summary>
public record RequestEdited
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required int Version { get; init; }
    public required string Priority { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required DateTimeOffset? WantedBy { get; init; }
    /// <summary>The fields that changed: priority, title, description, wantedBy, tags.</summary>
    public required IReadOnlyList<string> Changed { get; init; }
    public required string EditedBy { get; init; }
    public required DateTimeOffset EditedAt { get; init; }
}
