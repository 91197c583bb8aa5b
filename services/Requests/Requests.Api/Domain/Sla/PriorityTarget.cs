namespace ClientRequests.Requests.Domain.Sla;

/// <summary>An OLA target for one priority.</summary>
public sealed record PriorityTarget
{
    public string? Priority { get; init; }
    public string? Resolution { get; init; }
}
