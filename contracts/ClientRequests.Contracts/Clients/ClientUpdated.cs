namespace ClientRequests.Contracts.Clients;

/// <summary>
/// A client's details changed. Carries the whole new state and its <see cref="Version"/>, so a receiver that sees
/// updates out of order keeps the highest version.
/// </summary>
public record ClientUpdated
{
    public required Guid ClientId { get; init; }
    public required string Name { get; init; }
    public required string Industry { get; init; }
    public required string Tier { get; init; }
    public required string Status { get; init; }
    public required int Version { get; init; }
    public required string UpdatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
