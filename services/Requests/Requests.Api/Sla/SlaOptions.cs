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

    public IReadOnlyDictionary<string, DepartmentTarget> DepartmentTargets() =>
        Departments.ToDictionary(d => d.Key, d => new DepartmentTarget((d.Value.Calendar ?? Calendar).ToCalendar(), d.Value.Resolution),
            StringComparer.OrdinalIgnoreCase);
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
    public TimeSpan Resolution { get; set; } = TimeSpan.FromHours(16);
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
