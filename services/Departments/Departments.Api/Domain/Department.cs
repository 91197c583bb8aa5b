namespace ClientRequests.Departments.Domain;

public sealed class Department
{
    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public required string Code { get; init; }
    public required string Name { get; set; }
    public DepartmentMode Mode { get; set; }
    public string? LeadId { get; set; }
    /// <summary>Offer each new item to the least-loaded eligible member instead of waiting for a claim.</summary>
    public bool LoadAware { get; set; }
    /// <summary>
    /// The department's published opening hours, for people. Its work items' clocks are computed by the requests service
    /// (docs/decisions/0027-one-owner-for-clocks.md); this service stores the instants it is sent and does no SLA arithmetic.
    /// </summary>
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(17, 0);
    public List<DayOfWeek> WorkDays { get; set; } = [.. Weekdays];
    /// <summary>An IANA time zone id; the business hours are local to it.</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<Member> Members { get; init; } = [];
}
