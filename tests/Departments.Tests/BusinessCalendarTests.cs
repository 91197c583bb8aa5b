using ClientRequests.Departments.Domain;

namespace Departments.Tests;

public sealed class BusinessCalendarTests
{
    static readonly BusinessCalendar NineToFive = new(new(9, 0), new(17, 0), BusinessCalendar.Weekdays, TimeZoneInfo.Utc);

    static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Time_within_one_working_day_is_added_directly() =>
        Assert.Equal(Utc(30, 14), NineToFive.Add(Utc(30, 10), TimeSpan.FromHours(4)));   // Monday

    [Fact]
    public void What_does_not_fit_today_continues_at_the_next_opening() =>
        // Monday 30 November 15:00 + 4 business hours: two on Monday, two on Tuesday 1 December from 9:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), NineToFive.Add(Utc(30, 15), TimeSpan.FromHours(4)));

    [Fact]
    public void Weekends_and_nights_do_not_count()
    {
        // Friday 27 November 16:00 + 2 business hours: one hour on Friday, one on Monday from 9:00.
        Assert.Equal(Utc(30, 10), NineToFive.Add(Utc(27, 16), TimeSpan.FromHours(2)));
        // Saturday night counts from Monday's opening.
        Assert.Equal(Utc(30, 12), NineToFive.Add(Utc(28, 23), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Business_hours_are_local_to_the_departments_time_zone()
    {
        var paris = NineToFive with { Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") };
        // 8:00 UTC is 9:00 in Paris in winter: one hour later it is 10:00 Paris, 9:00 UTC.
        Assert.Equal(Utc(30, 9), paris.Add(Utc(30, 8), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Urgent_items_are_due_sooner_and_at_risk_before_they_are_due()
    {
        var (urgentDue, urgentRisk) = Sla.Deadlines(NineToFive, "P1", Utc(30, 9));
        var (lowDue, _) = Sla.Deadlines(NineToFive, "P4", Utc(30, 9));
        Assert.Equal(Utc(30, 13), urgentDue);
        Assert.Equal(Utc(30, 12), urgentRisk);
        Assert.True(lowDue > urgentDue);
    }
}
