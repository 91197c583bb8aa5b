using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Sla;

/// <summary>Bound from <c>Sla</c>: targets per request type and priority, calendars, and departments' OLAs.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public double AtRiskFraction { get; set; } = SlaPolicy.DefaultAtRiskFraction;
    /// <summary>How often open requests are re-evaluated.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>The account teams' calendar, on which the request's clocks run.</summary>
    public CalendarOptions Calendar { get; set; } = new();
    /// <summary>First match wins; Type "*" matches every type. Without a match, the defaults per priority below.</summary>
    public List<PolicyOptions> Policies { get; set; } = [];
    public Dictionary<string, DepartmentOptions> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// The OLA of a department that sets none, per priority: every department's work item has a clock, so a department
    /// missing from <see cref="Departments"/> is still measured (and its lead still escalated to).
    /// </summary>
    public OlaOptions Ola { get; set; } = new();

    public SlaPolicy PolicyFor(string type, Priority priority)
    {
        var match = Policies.FirstOrDefault(p => (p.Type == "*" || string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase)) && p.Priority == priority);
        return match is not null
            ? new SlaPolicy(match.FirstResponse, match.Resolution, AtRiskFraction)
            : priority switch
            {
                Priority.P1 => new SlaPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(8), AtRiskFraction),
                Priority.P2 => new SlaPolicy(TimeSpan.FromHours(4), TimeSpan.FromHours(24), AtRiskFraction),
                Priority.P3 => new SlaPolicy(TimeSpan.FromHours(8), TimeSpan.FromHours(40), AtRiskFraction),
                _ => new SlaPolicy(TimeSpan.FromHours(16), TimeSpan.FromHours(80), AtRiskFraction),
            };
    }

    /// <summary>
    /// Every department's OLA for a request of <paramref name="priority"/>: its own target for that priority, else its
    /// target for any priority, else the default for the priority; on its own calendar, else the account teams'.
    /// Calendars are built once per call, not once per work item.
    /// </summary>
    public Func<string, DepartmentTarget> DepartmentTargets(Priority priority)
    {
        var shared = Calendar.ToCalendar();
        var calendars = Departments.Where(d => d.Value.Calendar is not null)
            .ToDictionary(d => d.Key, d => d.Value.Calendar!.ToCalendar(), StringComparer.OrdinalIgnoreCase);
        return code =>
        {
            var department = Departments.GetValueOrDefault(code);
            var target = department is not null && department.Priorities.TryGetValue(priority, out var own) ? own
                : department?.Resolution ?? Ola.For(priority);
            return new DepartmentTarget(calendars.GetValueOrDefault(code) ?? shared, target);
        };
    }

    /// <summary>The calendar a department's clock runs on.</summary>
    public BusinessCalendar CalendarOf(string? departmentCode) =>
        (departmentCode is not null ? Departments.GetValueOrDefault(departmentCode)?.Calendar : null)?.ToCalendar() ?? Calendar.ToCalendar();
}

public sealed class PolicyOptions
{
    public string Type { get; set; } = "*";
    public Priority Priority { get; set; }
    public TimeSpan? FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }
}

public sealed class DepartmentOptions
{
    /// <summary>The department's own calendar; the account teams' when not set.</summary>
    public CalendarOptions? Calendar { get; set; }
    /// <summary>The OLA for every priority not in <see cref="Priorities"/>; the <c>Sla:Ola</c> default when not set.</summary>
    public TimeSpan? Resolution { get; set; }
    public Dictionary<Priority, TimeSpan> Priorities { get; set; } = [];
}

public sealed class CalendarOptions
{
    /// <summary>An IANA time zone id, for example Europe/Paris.</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public TimeOnly Open { get; set; } = new(9, 0);
    public TimeOnly Close { get; set; } = new(17, 0);
    public List<DateOnly> Holidays { get; set; } = [];

    public BusinessCalendar ToCalendar() => new()
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        Hours = Days.Distinct().ToDictionary(d => d, _ => (Open, Close)),
        Holidays = Holidays.ToHashSet(),
    };
}
