namespace ClientRequests.Contracts.Clients;

/// <summary>
/// Who may act for a client changed: its account manager, or the executives reporting to that manager.
/// One event per affected client, carrying the whole team; apply the one with the latest <see cref="ChangedAt"/>.
/// </summary>
public record AccountTeamChanged
{
    public required Guid ClientId { get; init; }
    public required string AccountManagerId { get; init; }
    public required IReadOnlyList<string> AccountExecutiveIds { get; init; }
    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
