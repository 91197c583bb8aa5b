using System.Globalization;

namespace ClientRequests.Requests.Domain.Sla;

/// <summary>How a policy document's text values read; validation and the compiled rules share it, so they never disagree.</summary>
public static class SlaText
{
    /// <summary>A target longer than this could not be reached on a calendar within the ten years it is searched.</summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    /// <summary><c>[d.]hh:mm[:ss]</c>, as in configuration; a bare number (which .NET would read as days) is refused.</summary>
    public static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        return text is not null && text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    public static string Duration(TimeSpan duration) => duration.ToString("c", CultureInfo.InvariantCulture);

    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        return text is not null && TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static string Time(TimeOnly time) => time.ToString(time.Ticks % TimeSpan.TicksPerMinute == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A weekday by its English name; numbers are refused (is 0 Sunday or Monday?).</summary>
    public static bool TryDay(string? text, out DayOfWeek day)
    {
        day = default;
        return text is not null && !text.Any(char.IsDigit) && Enum.TryParse(text, ignoreCase: true, out day) && Enum.IsDefined(day);
    }

    public static bool TryPriority(string? text, out Priority priority)
    {
        priority = default;
        return text is { Length: 2 } && text[0] is 'P' or 'p' && Enum.TryParse(text, ignoreCase: true, out priority) && Enum.IsDefined(priority);
    }

    public static bool TryZone(string? text, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        // IANA ids are short; a long one is not worth a look in the zone database.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(text);
            return true;
        }
        // What the lookup throws for an id it cannot read as a zone file, however odd the text.
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException
            or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
