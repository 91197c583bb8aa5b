namespace ClientRequests.Chaos.Tests;

/// <summary>The reconciler on hand-made snapshots: each kind of anomaly is counted, and a clean run is clean.</summary>
public sealed class ReconcilerTests
{
    static readonly Guid RequestId = Guid.NewGuid();
    static readonly Guid BillingItem = Guid.NewGuid();
    static readonly Guid LegalItem = Guid.NewGuid();

    static readonly Attempt Accepted = new(1, "chaos-1", Outcome.Accepted, 201, RequestId, ["billing", "legal"], false, null);

    static DatabaseSnapshot Snapshot(
        IEnumerable<DepartmentWorkItemRow>? departmentItems = null, IEnumerable<TimelineRow>? timeline = null,
        string status = "InProgress", IEnumerable<RequestRow>? requests = null) => new(
        requests?.ToList() ?? [new RequestRow(RequestId, "chaos-1", status)],
        [
            new RequestWorkItemRow(BillingItem, RequestId, "billing", "Claimed", 2),
            new RequestWorkItemRow(LegalItem, RequestId, "legal", "Queued", 1),
        ],
        timeline?.ToList() ??
        [
            new TimelineRow(RequestId, BillingItem, 1, "work-item-queued", null),
            new TimelineRow(RequestId, BillingItem, 2, "work-item-claimed", null),
            new TimelineRow(RequestId, LegalItem, 1, "work-item-queued", null),
            new TimelineRow(RequestId, null, null, "status-changed", "Routed"),
            new TimelineRow(RequestId, null, null, "status-changed", "InProgress"),
        ],
        departmentItems?.ToList() ??
        [
            new DepartmentWorkItemRow(BillingItem, RequestId, "billing", "Claimed", 2),
            new DepartmentWorkItemRow(LegalItem, RequestId, "legal", "Queued", 1),
        ],
        0, 0);

    [Fact]
    public void Books_that_balance_are_clean()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot());

        Assert.True(result.Clean, string.Join("\n", result.Examples));
        Assert.Equal(1.0, result.OkFraction);
        Assert.Equal(2, result.WorkItemsChecked);
        Assert.Equal(3, result.ProgressEventsChecked);
    }

    [Fact]
    public void An_accepted_request_that_was_not_stored_is_lost_with_its_work_items()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(requests: []));

        Assert.Equal(1, result.Anomalies.LostRequests);
        Assert.Equal(2, result.Anomalies.LostWorkItems);
        Assert.Equal(0, result.OkFraction);
    }

    [Fact]
    public void A_department_without_its_work_item_is_a_lost_work_item()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(departmentItems: [new(BillingItem, RequestId, "billing", "Claimed", 2)]));

        Assert.Equal(1, result.Anomalies.LostWorkItems);
        Assert.False(result.Clean);
    }

    [Fact]
    public void A_second_work_item_in_one_department_is_a_duplicate()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(departmentItems:
        [
            new(BillingItem, RequestId, "billing", "Claimed", 2),
            new(LegalItem, RequestId, "legal", "Queued", 1),
            new(Guid.NewGuid(), RequestId, "legal", "Queued", 1),
        ]));

        Assert.Equal(1, result.Anomalies.DuplicatedWorkItems);
    }

    [Fact]
    public void A_step_the_department_made_that_is_missing_from_the_timeline_is_a_lost_event()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(departmentItems:
        [
            new(BillingItem, RequestId, "billing", "InProgress", 3),
            new(LegalItem, RequestId, "legal", "Queued", 1),
        ]));

        // Step 3 is not on the timeline, and the request still holds the item at step 2.
        Assert.Equal(2, result.Anomalies.LostProgressEvents);
    }

    [Fact]
    public void A_step_applied_twice_and_a_status_entered_twice_are_duplicates()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(timeline:
        [
            new(RequestId, BillingItem, 1, "work-item-queued", null),
            new(RequestId, BillingItem, 2, "work-item-claimed", null),
            new(RequestId, BillingItem, 2, "work-item-claimed", null),
            new(RequestId, LegalItem, 1, "work-item-queued", null),
            new(RequestId, null, null, "status-changed", "InProgress"),
            new(RequestId, null, null, "status-changed", "InProgress"),
        ]));

        Assert.Equal(1, result.Anomalies.DuplicatedProgressEvents);
        Assert.Equal(1, result.Anomalies.DuplicatedStatusChanges);
    }

    [Fact]
    public void A_status_that_is_not_the_roll_up_of_the_work_items_counts_as_lost()
    {
        var result = Reconciler.Reconcile([Accepted], Snapshot(status: "Routed"));

        Assert.Equal(1, result.Anomalies.WrongRollUps);
    }

    [Fact]
    public void A_refused_request_that_was_stored_is_unexpected_and_an_unanswered_one_is_checked_like_an_accepted_one()
    {
        var refused = Accepted with { Outcome = Outcome.Refused, Status = 503, RequestId = null, Departments = [] };
        Assert.Equal(1, Reconciler.Reconcile([refused], Snapshot()).Anomalies.UnexpectedRequests);

        var unanswered = refused with { Outcome = Outcome.Indeterminate, Status = null };
        var result = Reconciler.Reconcile([unanswered], Snapshot());
        Assert.True(result.Clean, string.Join("\n", result.Examples));
        Assert.Equal(1, result.IndeterminateRecorded);
    }

    [Fact]
    public void A_request_nobody_asked_for_and_a_work_item_without_a_request_are_unexpected()
    {
        var stranger = new RequestRow(Guid.NewGuid(), "chaos-999", "Routed");
        var result = Reconciler.Reconcile([Accepted], Snapshot(
            requests: [new RequestRow(RequestId, "chaos-1", "InProgress"), stranger],
            departmentItems:
            [
                new(BillingItem, RequestId, "billing", "Claimed", 2),
                new(LegalItem, RequestId, "legal", "Queued", 1),
                new(Guid.NewGuid(), Guid.NewGuid(), "support", "Queued", 1),
            ]));

        Assert.Equal(1, result.Anomalies.UnexpectedRequests);
        Assert.Equal(1, result.Anomalies.UnexpectedWorkItems);
    }

    [Theory]
    [InlineData("Queued,Queued", "Routed")]
    [InlineData("Queued,Claimed", "InProgress")]
    [InlineData("Completed,Queued", "InProgress")]
    [InlineData("Completed,Completed", "Fulfilled")]
    [InlineData("Rejected,Completed", "Fulfilled")]
    [InlineData("Rejected", "Rejected")]
    public void The_roll_up_follows_ADR_0010(string items, string expected) =>
        Assert.Equal(expected, Reconciler.RollUp(items.Split(',')));
}
