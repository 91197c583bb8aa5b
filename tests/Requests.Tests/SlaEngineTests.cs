using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace Requests.Tests;

public sealed class SlaEngineTests
{
    static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    static readonly BusinessCalendar Office = BusinessCalendar.Weekdays(Paris);
    static readonly Dictionary<string, DepartmentTarget> NoDepartments = [];
    readonly Guid requestId = Guid.NewGuid();

    /// <summary>Paris wall-clock time in November 2026 (UTC+1): the 26th is a Thursday.</summary>
    static DateTimeOffset At(int day, int hour, int minute = 0, int month = 11) =>
        new(new DateTime(2026, month, day, hour, minute, 0), Paris.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    TimelineEntry Entry(DateTimeOffset at, string kind, RequestStatus? status = null, Guid? item = null, string? department = null, Visibility visibility = Visibility.Internal) =>
        new() { Id = Guid.CreateVersion7(at), RequestId = requestId, At = at, Kind = kind, ActorId = "x", Status = status, WorkItemId = item, DepartmentCode = department, Visibility = visibility };

    SlaReport Evaluate(IEnumerable<TimelineEntry> timeline, SlaPolicy policy, DateTimeOffset now, BusinessCalendar? calendar = null,
        Dictionary<string, DepartmentTarget>? departments = null) =>
        SlaEngine.Evaluate(timeline, policy, calendar ?? Office, departments ?? NoDepartments, now);

    [Fact]
    public void Only_working_hours_count()
    {
        var report = Evaluate([Entry(At(26, 10), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(40)), At(26, 15));
        Assert.Equal(TimeSpan.FromHours(5), report.Resolution.Elapsed);
    }

    [Fact]
    public void A_weekend_does_not_count()
    {
        var report = Evaluate([Entry(At(27, 16), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(40)), At(30, 10));
        Assert.Equal(TimeSpan.FromHours(2), report.Resolution.Elapsed);
    }

    [Fact]
    public void A_holiday_does_not_count()
    {
        var calendar = BusinessCalendar.Weekdays(Paris, holidays: [new DateOnly(2026, 11, 30)]);
        var report = Evaluate([Entry(At(27, 16), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(40)), At(1, 10, month: 12), calendar);
        Assert.Equal(TimeSpan.FromHours(2), report.Resolution.Elapsed);
    }

    [Theory]
    [InlineData(3, 29, 5)]   // spring forward: 02:00 becomes 03:00, the night shift is an hour shorter
    [InlineData(10, 25, 7)]  // fall back: 03:00 becomes 02:00 again, the night shift is an hour longer
    public void A_dst_change_counts_the_hours_that_really_passed(int month, int day, int hours)
    {
        var night = new BusinessCalendar
        {
            Zone = Paris,
            Hours = new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)> { [DayOfWeek.Sunday] = (new TimeOnly(0, 0), new TimeOnly(6, 0)) },
        };
        var submitted = new DateTimeOffset(2026, month, day - 1, 20, 0, 0, TimeSpan.Zero);
        var report = Evaluate([Entry(submitted, TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(40)), submitted.AddDays(1), night);
        Assert.Equal(TimeSpan.FromHours(hours), report.Resolution.Elapsed);
    }

    [Fact]
    public void Waiting_on_the_client_over_a_weekend_pauses_the_clock()
    {
        var timeline = new[]
        {
            Entry(At(26, 10), TimelineKinds.Submitted),
            Entry(At(27, 12), TimelineKinds.StatusChanged, RequestStatus.WaitingOnClient),
            Entry(At(1, 10, month: 12), TimelineKinds.StatusChanged, RequestStatus.Routed),
        };
        var report = Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(40)), At(1, 12, month: 12));
        // Thursday 10-17, Friday 9-12, Tuesday 10-12; Friday afternoon and Monday were the client's.
        Assert.Equal(TimeSpan.FromHours(12), report.Resolution.Elapsed);
        Assert.False(report.Resolution.Paused);

        var whilePaused = Evaluate(timeline.Take(2), new SlaPolicy(null, TimeSpan.FromHours(40)), At(30, 12));
        Assert.Equal(TimeSpan.FromHours(10), whilePaused.Resolution.Elapsed);
        Assert.True(whilePaused.Resolution.Paused);
    }

    [Theory]
    [InlineData(479, SlaVerdict.OnTrack)]
    [InlineData(480, SlaVerdict.AtRisk)]
    [InlineData(600, SlaVerdict.AtRisk)]
    [InlineData(601, SlaVerdict.Breached)]
    public void At_risk_from_80_percent_and_breached_past_the_target(int minutes, SlaVerdict verdict)
    {
        var start = At(23, 9);
        var now = minutes <= 480 ? start.AddMinutes(minutes) : At(24, 9).AddMinutes(minutes - 480);
        var report = Evaluate([Entry(start, TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(10)), now);
        Assert.Equal(TimeSpan.FromMinutes(minutes), report.Resolution.Elapsed);
        Assert.Equal(verdict, report.Resolution.Verdict);
    }

    [Fact]
    public void A_fulfilled_request_stops_its_clock_and_meets_the_target()
    {
        var timeline = new[] { Entry(At(26, 9), TimelineKinds.Submitted), Entry(At(26, 13), TimelineKinds.StatusChanged, RequestStatus.Fulfilled) };
        var report = Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(5)), At(27, 17));
        Assert.Equal((TimeSpan.FromHours(4), true, SlaVerdict.Met), (report.Resolution.Elapsed, report.Resolution.Stopped, report.Resolution.Verdict));
    }

    [Fact]
    public void A_late_event_recomputes_to_the_answer_it_would_have_given_on_time()
    {
        var submitted = Entry(At(26, 9), TimelineKinds.Submitted);
        var policy = new SlaPolicy(TimeSpan.FromHours(2), TimeSpan.FromHours(40));
        Assert.Equal(SlaVerdict.Breached, Evaluate([submitted], policy, At(26, 12)).FirstResponse!.Verdict);

        // The claim happened at 10:00 but its event arrived after the 12:00 evaluation.
        var late = Entry(At(26, 10), TimelineKinds.WorkItemClaimed, item: Guid.NewGuid(), department: "billing");
        var recomputed = Evaluate([submitted, late], policy, At(26, 12));
        var inArrivalOrder = Evaluate([late, submitted], policy, At(26, 12));

        Assert.Equal((TimeSpan.FromHours(1), SlaVerdict.Met), (recomputed.FirstResponse!.Elapsed, recomputed.FirstResponse.Verdict));
        Assert.Equal(recomputed.FirstResponse, inArrivalOrder.FirstResponse);
        Assert.Equal(recomputed.Resolution, inArrivalOrder.Resolution);
    }

    [Fact]
    public void A_policy_change_recomputes_from_the_same_timeline()
    {
        var timeline = new[] { Entry(At(26, 9), TimelineKinds.Submitted) };
        Assert.Equal(SlaVerdict.OnTrack, Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(8)), At(26, 12)).Resolution.Verdict);
        Assert.Equal(SlaVerdict.Breached, Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(2)), At(26, 12)).Resolution.Verdict);
        Assert.Equal(SlaVerdict.AtRisk, Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(3.5), 0.5), At(26, 12)).Resolution.Verdict);
    }

    [Fact]
    public void A_work_item_is_measured_on_its_departments_calendar_until_it_ends()
    {
        var ny = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var item = Guid.NewGuid();
        var timeline = new[]
        {
            Entry(At(26, 9), TimelineKinds.Submitted),
            Entry(At(26, 9), TimelineKinds.WorkItemAssigned, item: item, department: "legal"),
            // 16:00 in Paris is 10:00 in New York: one hour of New York's working day.
            Entry(At(26, 16), TimelineKinds.WorkItemCompleted, item: item, department: "legal"),
        };
        var report = Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(40)), At(27, 9),
            departments: new() { ["legal"] = new DepartmentTarget(ny, TimeSpan.FromHours(4)) });
        var clock = report.WorkItems[item];
        Assert.Equal((TimeSpan.FromHours(1), true, SlaVerdict.Met), (clock.Elapsed, clock.Stopped, clock.Verdict));
    }
}
