namespace ClientRequests.Notifications.Domain;

/// <summary>Wall-clock arithmetic in a user's time zone, daylight saving time included.</summary>
public static class LocalTime
{
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)) return false;
        zone = found;
        return true;
    }

    /// <summary>A zone stored earlier may have left the system's database since: UTC then, rather than failing an event.</summary>
    public static TimeZoneInfo Zone(string id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The first instant after <paramref name="after"/> at which the local clock shows <paramref name="time"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset after, TimeOnly time, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var candidate = At(today, time, zone);
        return candidate > after ? candidate : At(today.AddDays(1), time, zone);
    }

    /// <summary>
    /// The instant a local date and time names. A time skipped by the spring change (02:30 in Paris) becomes the first
    /// moment after the gap; a time that happens twice in autumn is its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary><paramref name="instant"/> itself when outside quiet hours, else the end of the quiet hours it falls in.</summary>
    public static DateTimeOffset OutsideQuietHours(DateTimeOffset instant, QuietHours quiet, TimeZoneInfo zone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return quiet.Includes(local) ? Next(instant, quiet.End, zone) : instant;
    }
}
