namespace ClientRequests.Requests.Domain.Sla;

/// <summary>The request's targets for one type (or <c>*</c>) and priority; no first response means that clock is not kept.</summary>
public sealed record TargetDocument
{
    public string? Type { get; init; }
    public string? Priority { get; init; }
    public string? FirstResponse { get; init; }
    public string? Resolution { get; init; }
}
