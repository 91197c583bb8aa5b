namespace ClientRequests.Requests.Domain.Teams;

/// <summary>One person on a client's account team: its manager, or an executive reporting to that manager.</summary>
public sealed class ClientTeamMember
{
    public const int UserIdMax = 100;

    public required Guid ClientId { get; init; }
    public required string UserId { get; init; }
}
