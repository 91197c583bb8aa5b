namespace ClientRequests.Departments.Domain;

/// <summary>A department's working hours: SLA targets count only the time the department is open.</summary>
public sealed record BusinessCalendar(TimeOnly Opens, TimeOnly Closes, IReadOnlyCollection<DayOfWeek> Days, TimeZoneInfo Zone)
{
    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public bool IsValid => Opens < Closes && Days.Count > 0;

    /// <summary>The instant <paramref name="businessTime"/> of open hours after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (!IsValid) throw new InvalidOperationException("The calendar has no open hours.");
        var local = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var left = businessTime;
        // One iteration per calendar day: a target of weeks costs a few dozen steps.
        while (true)
        {
            var day = local.Date;
            var open = day + Opens.ToTimeSpan();
            var close = day + Closes.ToTimeSpan();
            if (Days.Contains(day.DayOfWeek) && local < close)
            {
                var from = local < open ? open : local;
                if (close - from >= left) return ToInstant(from + left);
                left -= close - from;
            }
            local = day.AddDays(1);
        }
    }

    DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

/// <summary>Resolution targets in business hours by priority, and the item's due and at-risk instants.</summary>
public static class Sla
{
    public static TimeSpan ResolutionTarget(string priority) => priority.ToUpperInvariant() switch
    {
        "P1" or "URGENT" or "CRITICAL" => TimeSpan.FromHours(4),
        "P2" or "HIGH" => TimeSpan.FromHours(8),
        "P4" or "LOW" => TimeSpan.FromHours(40),
        _ => TimeSpan.FromHours(16),
    };

    public static (DateTimeOffset DueAt, DateTimeOffset AtRiskAt) Deadlines(BusinessCalendar calendar, string priority, DateTimeOffset queuedAt)
    {
        var target = ResolutionTarget(priority);
        return (calendar.Add(queuedAt, target), calendar.Add(queuedAt, target * 0.75));
    }
}
