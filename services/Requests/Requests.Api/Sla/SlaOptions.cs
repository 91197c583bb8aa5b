using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// Bound from <c>Sla</c>. The monitor's timing is configuration; the policy itself (targets, calendars, OLAs, at-risk share)
/// is data (ADR 0032) and these settings are only the first version's seed, written once into an empty database.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How often open requests are re-evaluated.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How often a replica checks whether another one stored a new policy version: the longest a change made through one
    /// replica takes to be in effect on the others (the monitor also checks at the start of each pass).
    /// </summary>
    public TimeSpan PolicyRefresh { get; set; } = TimeSpan.FromSeconds(5);

    public double AtRiskFraction { get; set; } = SlaPolicy.DefaultAtRiskFraction;
    /// <summary>The account teams' calendar, on which the request's clocks run.</summary>
    public CalendarOptions Calendar { get; set; } = new();
    /// <summary>First match wins; Type "*" matches every type. Without a match, the defaults per priority below.</summary>
    public List<PolicyOptions> Policies { get; set; } = [];
    public Dictionary<string, DepartmentOptions> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The OLA of a department that sets none, per priority.</summary>
    public OlaOptions Ola { get; set; } = new();

    /// <summary>The targets of a priority no configured policy covers for every type.</summary>
    public static readonly IReadOnlyDictionary<Priority, (TimeSpan FirstResponse, TimeSpan Resolution)> Defaults = new Dictionary<Priority, (TimeSpan, TimeSpan)>
    {
        [Priority.P1] = (TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        [Priority.P2] = (TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        [Priority.P3] = (TimeSpan.FromHours(8), TimeSpan.FromHours(40)),
        [Priority.P4] = (TimeSpan.FromHours(16), TimeSpan.FromHours(80)),
    };

    /// <summary>
    /// These settings as the first policy version: the configured policies first (first match wins), then the built-in defaults
    /// for every priority they leave without a <c>*</c> target, so the seeded document says everything the code used to assume.
    /// </summary>
    public SlaPolicyDocument ToDocument()
    {
        var targets = Policies.Select(p => new TargetDocument
        {
            Type = p.Type, Priority = p.Priority.ToString(),
            FirstResponse = p.FirstResponse is { } first ? SlaText.Duration(first) : null, Resolution = SlaText.Duration(p.Resolution),
        }).ToList();
        foreach (var (priority, (firstResponse, resolution)) in Defaults)
            if (!Policies.Any(p => p.Type == "*" && p.Priority == priority))
                targets.Add(new TargetDocument
                {
                    Type = "*", Priority = priority.ToString(), FirstResponse = SlaText.Duration(firstResponse), Resolution = SlaText.Duration(resolution),
                });
        return new SlaPolicyDocument
        {
            AtRiskFraction = AtRiskFraction,
            Calendar = Calendar.ToDocument(),
            Targets = targets,
            Ola = Enum.GetValues<Priority>().Select(p => Target(p, Ola.For(p))).ToList(),
            Departments = Departments.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DepartmentOlaDocument
            {
                Code = d.Key,
                Calendar = d.Value.Calendar?.ToDocument(),
                Resolution = d.Value.Resolution is { } any ? SlaText.Duration(any) : null,
                Priorities = d.Value.Priorities.OrderBy(p => p.Key).Select(p => Target(p.Key, p.Value)).ToList(),
            }).ToList(),
        };
    }

    static PriorityTarget Target(Priority priority, TimeSpan resolution) => new() { Priority = priority.ToString(), Resolution = SlaText.Duration(resolution) };
}
