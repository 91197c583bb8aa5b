namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// When a department (or the account team) works: a time zone, opening hours per weekday, and holidays.
/// Business time is measured on local wall-clock hours converted to instants, so a DST change shortens or
/// lengthens nothing but the night.
/// </summary>
public sealed class BusinessCalendar
{
    public required TimeZoneInfo Zone { get; init; }
    public required IReadOnlyDictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> Hours { get; init; }
    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();

    /// <summary>Monday to Friday, 09:00 to 17:00, in <paramref name="zone"/>.</summary>
    public static BusinessCalendar Weekdays(TimeZoneInfo zone, TimeOnly? open = null, TimeOnly? close = null, IEnumerable<DateOnly>? holidays = null) => new()
    {
        Zone = zone,
        Hours = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => (open ?? new TimeOnly(9, 0), close ?? new TimeOnly(17, 0))),
        Holidays = (holidays ?? []).ToHashSet(),
    };

    /// <summary>The working intervals (as instants) of each local day that overlaps [from, to).</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WorkingIntervals(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) yield break;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Zone).DateTime).AddDays(1);
        for (; day <= last; day = day.AddDays(1))
        {
            if (Holidays.Contains(day) || !Hours.TryGetValue(day.DayOfWeek, out var hours)) continue;
            var start = Instant(day, hours.Open);
            var end = Instant(day, hours.Close);
            var s = start > from ? start : from;
            var e = end < to ? end : to;
            if (e > s) yield return (s, e);
        }
    }

    public TimeSpan BusinessTime(DateTimeOffset from, DateTimeOffset to) =>
        WorkingIntervals(from, to).Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start));

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of working time after <paramref name="start"/> has passed:
    /// where a clock started at <paramref name="start"/> reaches its target. Zero gives the next working instant.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(businessTime), "Business time cannot be negative.");
        var left = businessTime;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime).AddDays(-1);
        // Ten years of days is far beyond any target; a calendar with no working day at all must not loop forever.
        for (var last = day.AddYears(10); day <= last; day = day.AddDays(1))
        {
            if (Holidays.Contains(day) || !Hours.TryGetValue(day.DayOfWeek, out var hours)) continue;
            var open = Instant(day, hours.Open);
            var close = Instant(day, hours.Close);
            var from = open > start ? open : start;
            if (close <= from) continue;
            if (close - from >= left) return from + left;
            left -= close - from;
        }
        throw new InvalidOperationException("The calendar has no working hours in the next ten years.");
    }

    /// <summary>
    /// The instant a local wall-clock time happens. A time skipped by a spring-forward change is taken as the
    /// first instant after the gap; a repeated one (fall back) as its first occurrence.
    /// </summary>
    DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
