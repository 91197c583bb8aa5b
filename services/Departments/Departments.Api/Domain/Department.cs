namespace ClientRequests.Departments.Domain;

public enum DepartmentMode
{
    /// <summary>This service consumes the department's queue into the human work queue.</summary>
    Managed,
    /// <summary>The department's own system consumes its queue and publishes progress events.</summary>
    External,
}

public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public DepartmentMode Mode { get; set; }
    public string? LeadId { get; set; }
    /// <summary>Offer each new item to the least-loaded eligible member instead of waiting for a claim.</summary>
    public bool LoadAware { get; set; }
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(17, 0);
    public List<DayOfWeek> WorkDays { get; set; } = [.. BusinessCalendar.Weekdays];
    /// <summary>An IANA time zone id; the business hours are local to it.</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<Member> Members { get; init; } = [];

    public BusinessCalendar Calendar => new(OpensAt, ClosesAt, WorkDays, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

public sealed class Member
{
    public required string DepartmentCode { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public List<string> Skills { get; set; } = [];
    /// <summary>The most work items the member holds at once.</summary>
    public int Capacity { get; set; } = 10;
    /// <summary>Round robin among equally loaded members: the member assigned longest ago (lowest turn) goes first.</summary>
    public long LastAssignedTurn { get; set; }
    /// <summary>Bumped whenever the member takes an item, so two claims racing past the capacity check cannot both win.</summary>
    public int Version { get; set; }
}
