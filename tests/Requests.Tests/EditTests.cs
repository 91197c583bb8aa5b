using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace Requests.Tests;

/// <summary>Editing an open request: each change on the timeline with actor and before/after, closed ones refused, clocks recomputed.</summary>
public sealed class EditTests
{
    static readonly DateTimeOffset At = Requests.T0.AddHours(1);

    [Fact]
    public void Each_field_that_changes_is_one_timeline_entry_with_its_actor_and_before_and_after()
    {
        var request = Requests.New();
        var version = request.Version;
        Assert.Null(request.Edit(new RequestChanges(Priority.P1, "Invoice charged twice", "d", Tags: ["urgent"]), "bob", At));

        var edits = request.Timeline.Where(e => e.Kind == TimelineKinds.Edited).ToList();
        // The description did not change: no entry for it.
        Assert.Equal([("priority", "P2", "P1"), ("title", "t", "Invoice charged twice"), ("tags", "", "urgent")],
            edits.Select(e => (e.Text, e.Before, e.After)));
        Assert.All(edits, e => Assert.Equal(("bob", At), (e.ActorId, e.At)));
        Assert.Equal((Priority.P1, version + 1), (request.Priority, request.Version));
    }

    [Fact]
    public void Nothing_that_really_changes_leaves_the_version_alone()
    {
        var request = Requests.New();
        Assert.Null(request.Edit(new RequestChanges(Priority.P2, "t"), "bob", At));
        Assert.DoesNotContain(request.Timeline, e => e.Kind == TimelineKinds.Edited);
        Assert.Equal(0, request.Version);
    }

    [Theory]
    [InlineData(RequestStatus.Fulfilled)]
    [InlineData(RequestStatus.Rejected)]
    [InlineData(RequestStatus.Cancelled)]
    public void A_closed_or_cancelled_request_is_refused_naming_its_state(RequestStatus status)
    {
        var request = Requests.In(status);
        var refused = request.Edit(new RequestChanges(Title: "new"), "bob", At);
        Assert.Equal(status, refused!.Current);
        Assert.Equal("t", request.Title);
    }

    [Fact]
    public void Work_that_has_not_started_can_be_withdrawn_and_started_work_is_refused_naming_its_state()
    {
        var request = Requests.New("billing", "legal", "support");
        request.Progress(1, 2, RequestWorkItemStatus.Claimed, 5);
        request.Progress(2, 3, RequestWorkItemStatus.InProgress, 6);

        var (refused, _) = request.WithdrawDepartment("support", "bob", At);
        Assert.Equal(("support", RequestWorkItemStatus.InProgress), (refused!.DepartmentCode, refused.State));

        // Queued (billing) and claimed but not started (legal) may go.
        Assert.Null(request.WithdrawDepartment("billing", "bob", At).Refused);
        Assert.Null(request.WithdrawDepartment("legal", "bob", At).Refused);
        Assert.Equal(RequestWorkItemStatus.Withdrawn, request.WorkItems[0].Status);
        Assert.Equal(2, request.Timeline.Count(e => e.Kind == TimelineKinds.WorkItemWithdrawn));
        // The last department with a part cannot be withdrawn: that would be cancelling.
        Assert.NotNull(request.WithdrawDepartment("support", "bob", At).Refused);
    }

    [Fact]
    public void Withdrawing_the_only_open_part_left_lets_the_roll_up_fulfil_the_request()
    {
        var request = Requests.New("billing", "legal");
        request.Progress(0, 4, RequestWorkItemStatus.Completed, 5);
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Null(request.WithdrawDepartment("legal", "bob", At).Refused);
        request.RollUp(At);
        Assert.Equal(RequestStatus.Fulfilled, request.Status);
        // A late step of the withdrawn department moves nothing.
        request.Progress(1, 2, RequestWorkItemStatus.Claimed, 70);
        Assert.Equal(RequestWorkItemStatus.Withdrawn, request.WorkItems[1].Status);
    }

    [Fact]
    public void An_added_department_has_a_part_in_the_current_round_once()
    {
        var request = Requests.New("billing");
        var item = request.AddDepartment("legal", "Legal", "bob", At);
        Assert.Equal(("legal", 1), (item!.DepartmentCode, item.Round));
        Assert.Null(request.AddDepartment("legal", "Legal", "bob", At));
        Assert.Single(request.Timeline, e => e.Kind == TimelineKinds.WorkItemAssigned && e.WorkItemId == item.Id);
    }

    [Fact]
    public void A_P3_raised_to_P1_gets_the_P1_target_counted_from_its_submission()
    {
        var office = BusinessCalendar.Weekdays(TimeZoneInfo.Utc);
        // Monday 30 November 09:00, a P3 (40 h) then raised to P1 (8 h) at 11:00 (ADR 0028: the new targets apply from the start).
        var timeline = new[]
        {
            new TimelineEntry { Id = Guid.CreateVersion7(Requests.T0), RequestId = Guid.NewGuid(), At = Requests.T0, Kind = TimelineKinds.Submitted, ActorId = "alice" },
            new TimelineEntry { Id = Guid.CreateVersion7(At), RequestId = Guid.NewGuid(), At = At.AddHours(1), Kind = TimelineKinds.Edited, ActorId = "bob", Text = "priority", Before = "P3", After = "P1" },
        };
        var p3 = SlaEngine.Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(40)), office, new Dictionary<string, DepartmentTarget>(), At.AddHours(1));
        var p1 = SlaEngine.Evaluate(timeline, new SlaPolicy(null, TimeSpan.FromHours(8)), office, new Dictionary<string, DepartmentTarget>(), At.AddHours(1));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), p3.Resolution.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), p1.Resolution.DueAt);
    }
}
