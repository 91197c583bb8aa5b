using ClientRequests.Requests.Domain.Sla;

namespace Requests.Tests;

/// <summary>Adding business time: where a clock started at an instant reaches its target (the one calendar of the platform).</summary>
public sealed class BusinessCalendarTests
{
    static readonly BusinessCalendar NineToFive = BusinessCalendar.Weekdays(TimeZoneInfo.Utc);

    static DateTimeOffset Utc(int day, int hour, int minute = 0, int month = 11) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Time_within_one_working_day_is_added_directly() =>
        Assert.Equal(Utc(30, 14), NineToFive.Add(Utc(30, 10), TimeSpan.FromHours(4)));   // Monday

    [Fact]
    public void What_does_not_fit_today_continues_at_the_next_opening() =>
        // Monday 30 November 15:00 + 4 business hours: two on Monday, two on Tuesday 1 December from 9:00.
        Assert.Equal(Utc(1, 11, month: 12), NineToFive.Add(Utc(30, 15), TimeSpan.FromHours(4)));

    [Fact]
    public void Weekends_and_nights_do_not_count()
    {
        // Friday 27 November 16:00 + 2 business hours: one hour on Friday, one on Monday from 9:00.
        Assert.Equal(Utc(30, 10), NineToFive.Add(Utc(27, 16), TimeSpan.FromHours(2)));
        // Saturday night counts from Monday's opening.
        Assert.Equal(Utc(30, 12), NineToFive.Add(Utc(28, 23), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Holidays_do_not_count() =>
        // Monday 30 November is a holiday: Friday 16:00 + 2 h ends on Tuesday at 10:00.
        Assert.Equal(Utc(1, 10, month: 12), BusinessCalendar.Weekdays(TimeZoneInfo.Utc, holidays: [new DateOnly(2026, 11, 30)]).Add(Utc(27, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void Business_hours_are_local_to_the_calendars_time_zone()
    {
        var paris = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        // 8:00 UTC is 9:00 in Paris in winter: one hour later it is 10:00 Paris, 9:00 UTC.
        Assert.Equal(Utc(30, 9), paris.Add(Utc(30, 8), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Adding_what_was_measured_gives_back_the_end()
    {
        var paris = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        // Across the end of summer time (25 October 2026) and a weekend.
        var start = new DateTimeOffset(2026, 10, 22, 13, 17, 0, TimeSpan.FromHours(2));
        var end = new DateTimeOffset(2026, 10, 27, 10, 5, 0, TimeSpan.FromHours(1));
        Assert.Equal(end, paris.Add(start, paris.BusinessTime(start, end)));
    }

    [Fact]
    public void A_calendar_without_working_days_is_refused_not_looped_on() =>
        Assert.Throws<InvalidOperationException>(() =>
            new BusinessCalendar { Zone = TimeZoneInfo.Utc, Hours = new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>() }.Add(Utc(30, 9), TimeSpan.FromHours(1)));
}
