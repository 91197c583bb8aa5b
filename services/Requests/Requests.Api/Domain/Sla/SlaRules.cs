namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// A valid policy document compiled for the engine: calendars built once per version (not once per evaluation), targets
/// looked up by type, priority and department.
/// </summary>
public sealed class SlaRules
{
    readonly List<(string Type, Priority Priority, TimeSpan? FirstResponse, TimeSpan Resolution)> targets;
    readonly Dictionary<Priority, TimeSpan> ola;
    readonly Dictionary<string, (BusinessCalendar Calendar, TimeSpan? Resolution, Dictionary<Priority, TimeSpan> Priorities)> departments;

    public double AtRiskFraction { get; }
    public BusinessCalendar Calendar { get; }

    SlaRules(SlaPolicyDocument policy)
    {
        AtRiskFraction = policy.AtRiskFraction!.Value;
        Calendar = ToCalendar(policy.Calendar!);
        targets = policy.Targets!.Select(t => (t.Type!.Trim(), PriorityOf(t.Priority), t.FirstResponse is null ? (TimeSpan?)null : Duration(t.FirstResponse),
            Duration(t.Resolution))).ToList();
        ola = PerPriority(policy.Ola);
        departments = (policy.Departments ?? []).ToDictionary(d => d.Code!,
            d => (d.Calendar is null ? Calendar : ToCalendar(d.Calendar), d.Resolution is null ? (TimeSpan?)null : Duration(d.Resolution), PerPriority(d.Priorities)),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Compiles a document that <see cref="SlaPolicyValidation"/> found valid; throws on one it would not.</summary>
    public static SlaRules From(SlaPolicyDocument policy) => new(policy);

    /// <summary>The first target for the type (or <c>*</c>) and priority; validation makes sure <c>*</c> covers every priority.</summary>
    public SlaPolicy PolicyFor(string type, Priority priority)
    {
        var match = targets.First(t => (t.Type == "*" || string.Equals(t.Type, type, StringComparison.OrdinalIgnoreCase)) && t.Priority == priority);
        return new SlaPolicy(match.FirstResponse, match.Resolution, AtRiskFraction);
    }

    /// <summary>
    /// Every department's OLA for a request of <paramref name="priority"/>: its own target for that priority, else its target
    /// for any priority, else the default for the priority; on its own calendar, else the account teams'.
    /// </summary>
    public Func<string, DepartmentTarget> DepartmentTargets(Priority priority) => code =>
        departments.TryGetValue(code, out var department)
            ? new DepartmentTarget(department.Calendar,
                department.Priorities.TryGetValue(priority, out var own) ? own : department.Resolution ?? ola[priority])
            : new DepartmentTarget(Calendar, ola[priority]);

    /// <summary>The calendar a department's clock runs on (the account teams' for the request's own clocks).</summary>
    public BusinessCalendar CalendarOf(string? departmentCode) =>
        departmentCode is not null && departments.TryGetValue(departmentCode, out var department) ? department.Calendar : Calendar;

    static BusinessCalendar ToCalendar(CalendarDocument calendar)
    {
        SlaText.TryZone(calendar.TimeZone, out var zone);
        var open = Time(calendar.Open);
        var close = Time(calendar.Close);
        return new BusinessCalendar
        {
            Zone = zone,
            Hours = calendar.Days!.Select(Day).Distinct().ToDictionary(d => d, _ => (open, close)),
            Holidays = (calendar.Holidays ?? []).Select(Date).ToHashSet(),
        };
    }

    static Dictionary<Priority, TimeSpan> PerPriority(List<PriorityTarget>? targets) =>
        (targets ?? []).ToDictionary(t => PriorityOf(t.Priority), t => Duration(t.Resolution));

    static TimeSpan Duration(string? text) => SlaText.TryDuration(text, out var d) ? d : throw Invalid(text);
    static TimeOnly Time(string? text) => SlaText.TryTime(text, out var t) ? t : throw Invalid(text);
    static DateOnly Date(string? text) => SlaText.TryDate(text, out var d) ? d : throw Invalid(text);
    static DayOfWeek Day(string? text) => SlaText.TryDay(text, out var d) ? d : throw Invalid(text);
    static Priority PriorityOf(string? text) => SlaText.TryPriority(text, out var p) ? p : throw Invalid(text);

    static ArgumentException Invalid(string? text) => new($"'{text}' is not valid in an SLA policy; validate the document before compiling it.");
}
