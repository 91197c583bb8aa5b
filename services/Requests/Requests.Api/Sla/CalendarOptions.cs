using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Sla;

/// <summary>Bound from a <c>Calendar</c> section of <c>Sla</c>: the seed's business calendar.</summary>
public sealed class CalendarOptions
{
    /// <summary>An IANA time zone id, for example Europe/Paris.</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public TimeOnly Open { get; set; } = new(9, 0);
    public TimeOnly Close { get; set; } = new(17, 0);
    public List<DateOnly> Holidays { get; set; } = [];

    public CalendarDocument ToDocument() => new()
    {
        TimeZone = TimeZone,
        Days = Days.Distinct().Select(d => d.ToString()).ToList(),
        Open = SlaText.Time(Open),
        Close = SlaText.Time(Close),
        Holidays = Holidays.Select(SlaText.Date).ToList(),
    };
}
