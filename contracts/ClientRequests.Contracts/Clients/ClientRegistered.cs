namespace ClientRequests.Contracts.Clients;

/// <summary>A client was registered in an account manager's book.</summary>
public record ClientRegistered
{
    public required Guid ClientId { get; init; }
    public required string Name { get; init; }
    public required string Industry { get; init; }
    /// <summary>strategic, key or standard.</summary>
    public required string Tier { get; init; }
    /// <summary>prospect, active or churned.</summary>
    public required string Status { get; init; }
    public required string AccountManagerId { get; init; }
    public required IReadOnlyList<string> AccountExecutiveIds { get; init; }
    public required string RegisteredBy { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
