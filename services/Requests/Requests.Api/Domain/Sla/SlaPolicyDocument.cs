namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// One version of the SLA policy as admins write it and as it is stored: the request's targets per type and priority, each
/// department's OLA, the at-risk share and the calendars. Values are text (durations like <c>04:00:00</c>, dates like
/// <c>2026-12-25</c>) so that a malformed one is reported by its field, not by the JSON reader (see <see cref="SlaPolicyValidation"/>).
/// </summary>
public sealed record SlaPolicyDocument
{
    public double? AtRiskFraction { get; init; }
    /// <summary>The account teams' calendar, on which the request's clocks run and a department without its own.</summary>
    public CalendarDocument? Calendar { get; init; }
    /// <summary>First match wins; type <c>*</c> matches every type, and every priority needs one for it.</summary>
    public List<TargetDocument>? Targets { get; init; }
    /// <summary>The OLA of a department that sets none, per priority.</summary>
    public List<PriorityTarget>? Ola { get; init; }
    public List<DepartmentOlaDocument>? Departments { get; init; }
}
