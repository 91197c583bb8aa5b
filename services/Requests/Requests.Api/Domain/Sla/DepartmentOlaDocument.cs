namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// One department's OLA: its target per priority, else <see cref="Resolution"/> for any priority, else the policy's default;
/// on its own calendar, else the account teams'.
/// </summary>
public sealed record DepartmentOlaDocument
{
    public string? Code { get; init; }
    public CalendarDocument? Calendar { get; init; }
    public string? Resolution { get; init; }
    public List<PriorityTarget>? Priorities { get; init; }
}
