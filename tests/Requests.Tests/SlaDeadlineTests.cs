using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace Requests.Tests;

/// <summary>The due and at-risk instants the engine gives each clock: what the departments sort on and the console counts down to.</summary>
public sealed class SlaDeadlineTests
{
    static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    static readonly BusinessCalendar Office = BusinessCalendar.Weekdays(Paris);
    readonly Guid requestId = Guid.NewGuid();

    /// <summary>Paris wall-clock time in November 2026 (UTC+1): the 26th is a Thursday.</summary>
    static DateTimeOffset At(int day, int hour, int minute = 0, int month = 11) =>
        new(new DateTime(2026, month, day, hour, minute, 0), Paris.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    TimelineEntry Entry(DateTimeOffset at, string kind, RequestStatus? status = null, Guid? item = null, string? department = null) =>
        new() { Id = Guid.CreateVersion7(at), RequestId = requestId, At = at, Kind = kind, ActorId = "x", Status = status, WorkItemId = item, DepartmentCode = department };

    static SlaReport Evaluate(IEnumerable<TimelineEntry> timeline, SlaPolicy policy, DateTimeOffset now, Dictionary<string, DepartmentTarget>? departments = null) =>
        SlaEngine.Evaluate(timeline, policy, Office, departments ?? [], now);

    [Fact]
    public void A_running_clock_is_due_where_its_target_runs_out_and_the_instant_does_not_move_as_time_passes()
    {
        // Thursday 15:00 + 8 business hours: 2 on Thursday, 6 on Friday until 15:00; at risk at 80 % (6.4 h): Friday 13:24.
        var timeline = new[] { Entry(At(26, 15), TimelineKinds.Submitted) };
        var policy = new SlaPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(8));
        foreach (var now in new[] { At(26, 15), At(26, 16, 30), At(26, 22), At(27, 11) })
        {
            var report = Evaluate(timeline, policy, now);
            Assert.Equal((At(27, 15), At(27, 13, 24)), (report.Resolution.DueAt, report.Resolution.AtRiskAt));
            Assert.Equal(At(26, 16), report.FirstResponse!.DueAt);
        }
    }

    [Fact]
    public void A_breached_clock_keeps_the_instant_it_ran_out()
    {
        var report = Evaluate([Entry(At(26, 9), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(2)), At(27, 12));
        Assert.Equal((SlaStates.Breached, At(26, 11)), (report.Resolution.State, report.Resolution.DueAt));
    }

    [Fact]
    public void A_pause_over_a_weekend_moves_the_due_instant_by_the_business_time_it_took()
    {
        var submitted = Entry(At(26, 10), TimelineKinds.Submitted);
        var paused = Entry(At(27, 12), TimelineKinds.StatusChanged, RequestStatus.WaitingOnClient);
        var resumed = Entry(At(1, 10, month: 12), TimelineKinds.StatusChanged, RequestStatus.Routed);
        var policy = new SlaPolicy(null, TimeSpan.FromHours(16));

        // Without the pause: Thursday 10-17 (7 h), Friday 9-17 (8 h), Monday 9-10 (1 h).
        Assert.Equal(At(30, 10), Evaluate([submitted], policy, At(26, 11)).Resolution.DueAt);

        // While paused there is no due instant: nobody knows when the client answers.
        var whilePaused = Evaluate([submitted, paused], policy, At(30, 12)).Resolution;
        Assert.Equal((SlaStates.Paused, (DateTimeOffset?)null), (whilePaused.State, whilePaused.DueAt));

        // 10 h used before the pause (Thursday 7, Friday 3); 6 h left from Tuesday 10:00: due Tuesday 16:00.
        var after = Evaluate([submitted, paused, resumed], policy, At(1, 11, month: 12)).Resolution;
        Assert.Equal((SlaStates.OnTrack, At(1, 16, month: 12)), (after.State, after.DueAt));
    }

    [Fact]
    public void A_raised_priority_recomputes_from_the_same_timeline_to_the_new_targets_instant()
    {
        var timeline = new[] { Entry(At(26, 9), TimelineKinds.Submitted) };
        Assert.Equal(At(2, 17, month: 12), Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(40)), At(26, 12)).Resolution.DueAt);
        // The same request as a P1 (8 h): due at the end of the first day, measured from its submission, not from the change.
        Assert.Equal(At(26, 17), Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(8)), At(26, 12)).Resolution.DueAt);
    }

    [Fact]
    public void A_work_item_is_due_on_its_departments_calendar_and_a_hand_over_starts_the_new_departments_clock()
    {
        var ny = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var (legal, billing) = (Guid.NewGuid(), Guid.NewGuid());
        var timeline = new[]
        {
            Entry(At(26, 9), TimelineKinds.Submitted),
            Entry(At(26, 9), TimelineKinds.WorkItemAssigned, item: legal, department: "legal"),
            Entry(At(26, 16), TimelineKinds.WorkItemHandedOver, item: legal, department: "legal"),
            Entry(At(26, 16), TimelineKinds.WorkItemAssigned, item: billing, department: "billing"),
        };
        var report = Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(40)), At(26, 16, 30), new()
        {
            ["legal"] = new DepartmentTarget(ny, TimeSpan.FromHours(4)),
            ["billing"] = new DepartmentTarget(Office, TimeSpan.FromHours(2)),
        });
        // Legal (New York, 9:00 there is 15:00 in Paris) was handed over after one hour: its clock stopped, met, with its 4 hours due at 13:00 there.
        Assert.Equal((SlaStates.Met, At(26, 19)), (report.WorkItems[legal].State, report.WorkItems[legal].DueAt));
        // Billing's own 2 hours start at the hand-over: one on Thursday, one on Friday from 9:00.
        Assert.Equal((SlaStates.OnTrack, At(27, 10)), (report.WorkItems[billing].State, report.WorkItems[billing].DueAt));
    }

    [Theory]
    [InlineData(SlaStates.OnTrack, null, SlaStates.OnTrack)]
    [InlineData(SlaStates.OnTrack, SlaStates.AtRisk, SlaStates.AtRisk)]
    [InlineData(SlaStates.OnTrack, SlaStates.Missed, SlaStates.Breached)]
    [InlineData(SlaStates.Paused, SlaStates.Met, SlaStates.Paused)]
    [InlineData(SlaStates.Met, SlaStates.Missed, SlaStates.Missed)]
    [InlineData(SlaStates.Met, SlaStates.Met, SlaStates.Met)]
    [InlineData(SlaStates.Breached, SlaStates.Met, SlaStates.Breached)]
    public void The_requests_state_combines_its_two_clocks(string resolution, string? firstResponse, string expected) =>
        Assert.Equal(expected, SlaStates.Combine(resolution, firstResponse));

    [Fact]
    public void A_stored_running_clock_read_later_shows_the_time_used_since_and_its_breach_at_once()
    {
        var snapshot = new SlaSnapshot();
        var report = Evaluate([Entry(At(26, 9), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(4)), At(26, 10));
        Assert.True(snapshot.Update(report.Resolution, At(26, 10)));
        Assert.False(snapshot.Update(Evaluate([Entry(At(26, 9), TimelineKinds.Submitted)], new SlaPolicy(null, TimeSpan.FromHours(4)), At(26, 10, 30)).Resolution, At(26, 10, 30)));

        Assert.Equal((SlaStates.OnTrack, TimeSpan.FromHours(2)), snapshot.AsOf(At(26, 11), Office));
        Assert.Equal((SlaStates.AtRisk, TimeSpan.FromHours(3.5)), snapshot.AsOf(At(26, 12, 30), Office));
        Assert.Equal((SlaStates.Breached, TimeSpan.FromHours(5)), snapshot.AsOf(At(26, 14), Office));
    }
}
