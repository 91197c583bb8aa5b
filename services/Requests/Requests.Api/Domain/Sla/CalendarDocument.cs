namespace ClientRequests.Requests.Domain.Sla;

/// <summary>A business calendar as text: an IANA time zone, working days by name, opening hours, holidays (yyyy-MM-dd).</summary>
public sealed record CalendarDocument
{
    public string? TimeZone { get; init; }
    public List<string>? Days { get; init; }
    public string? Open { get; init; }
    public string? Close { get; init; }
    public List<string>? Holidays { get; init; }
}
