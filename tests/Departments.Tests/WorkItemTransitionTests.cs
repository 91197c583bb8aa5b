using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Domain;

namespace Departments.Tests;

public sealed class WorkItemTransitionTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    static readonly Actor Carol = new("carol", IsLead: false);
    static readonly Actor Erin = new("erin", IsLead: false);
    static readonly Actor Dave = new("dave", IsLead: true);

    static WorkItem Queued() => new()
    {
        Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), ClientId = Guid.NewGuid(), DepartmentCode = "billing", Type = "billing",
        Priority = "P2", Title = "Invoice", Description = "Twice", AssignedAt = Now, QueuedAt = Now, Sequence = 1,
    };

    static WorkItem ClaimedBy(string member)
    {
        var item = Queued();
        Assert.Null(item.Claim(member, Now).Refusal);
        return item;
    }

    [Fact]
    public void Working_an_item_through_claim_start_and_complete_numbers_its_events_in_order()
    {
        var item = Queued();
        var claimed = Assert.IsType<WorkItemClaimed>(item.Claim("carol", Now).Event);
        var started = Assert.IsType<WorkItemStarted>(item.Start(Carol, Now).Event);
        var completed = Assert.IsType<WorkItemCompleted>(item.Complete(Carol, "Refunded", Now).Event);

        Assert.Equal([2, 3, 4], new[] { claimed.Sequence, started.Sequence, completed.Sequence });
        Assert.Equal(WorkItemStatus.Completed, item.Status);
        Assert.Equal("Refunded", completed.ResolutionNote);
        Assert.Equal("carol", completed.ActorId);
        Assert.Equal(3, item.Version);
    }

    [Fact]
    public void Claiming_an_item_already_claimed_is_a_conflict_naming_the_holder()
    {
        var item = ClaimedBy("carol");
        var refusal = item.Claim("erin", Now).Refusal!;
        Assert.Equal((RefusalKind.Conflict, "status"), (refusal.Kind, refusal.Field));
        Assert.Contains("carol", refusal.Message);
        Assert.Equal("carol", item.ClaimedBy);
    }

    [Fact]
    public void A_closed_item_cannot_be_claimed_started_or_handed_over()
    {
        var item = ClaimedBy("carol");
        item.Reject(Carol, "Not ours", Now);
        var sequence = item.Sequence;

        Assert.Equal(RefusalKind.Conflict, item.Claim("erin", Now).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, item.Start(Carol, Now).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, item.HandOver(Carol, "legal", _ => true, Guid.NewGuid(), Now).Refusal!.Kind);
        Assert.Equal(sequence, item.Sequence);
    }

    [Fact]
    public void Completing_someone_elses_item_is_forbidden_even_for_the_lead()
    {
        var item = ClaimedBy("carol");
        Assert.Equal(RefusalKind.Forbidden, item.Complete(Erin, "Done", Now).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, item.Complete(Dave, "Done", Now).Refusal!.Kind);
        Assert.Equal(WorkItemStatus.Claimed, item.Status);
    }

    [Fact]
    public void Completing_a_queued_item_asks_to_claim_it_first()
    {
        var refusal = Queued().Complete(Carol, "Done", Now).Refusal!;
        Assert.Equal(("status", RefusalKind.Conflict), (refusal.Field, refusal.Kind));
        Assert.Contains("claim it first", refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Completing_needs_a_resolution_note_and_rejecting_a_reason(string? text)
    {
        var item = ClaimedBy("carol");
        var refusal = item.Complete(Carol, text, Now).Refusal!;
        Assert.Equal(("resolutionNote", RefusalKind.Invalid), (refusal.Field, refusal.Kind));
        Assert.Equal("reason", item.Reject(Carol, text, Now).Refusal!.Field);
        Assert.Equal("reason", item.Reject(Carol, new string('x', WorkItem.MaxTextLength + 1), Now).Refusal!.Field);
    }

    [Fact]
    public void Handing_over_closes_the_item_and_names_the_new_one()
    {
        var item = ClaimedBy("carol");
        var newId = Guid.NewGuid();
        var handedOver = Assert.IsType<WorkItemHandedOver>(item.HandOver(Carol, "legal", _ => true, newId, Now).Event);

        Assert.Equal(WorkItemStatus.HandedOver, item.Status);
        Assert.Equal(("legal", newId, 3), (handedOver.ToDepartmentCode, handedOver.NewWorkItemId, handedOver.Sequence));
        var command = item.HandOverCommand(Now);
        Assert.Equal((newId, "legal", item.RequestId, item.Title), (command.WorkItemId, command.DepartmentCode, command.RequestId, command.Title));
    }

    [Theory]
    [InlineData("billing", "already in department")]
    [InlineData("BILLING", "already in department")]
    [InlineData("astrology", "no department 'astrology'")]
    [InlineData("", "required")]
    public void Handing_over_to_the_same_or_an_unknown_department_names_the_field(string target, string message)
    {
        var item = ClaimedBy("carol");
        var refusal = item.HandOver(Carol, target, code => code is "legal" or "billing", Guid.NewGuid(), Now).Refusal!;
        Assert.Equal((RefusalKind.Invalid, "toDepartmentCode"), (refusal.Kind, refusal.Field));
        Assert.Contains(message, refusal.Message);
        Assert.Equal(WorkItemStatus.Claimed, item.Status);
    }

    [Fact]
    public void Unclaiming_puts_the_item_back_in_the_queue_as_a_new_queued_event()
    {
        var item = ClaimedBy("carol");
        item.Start(Carol, Now);
        var queued = Assert.IsType<WorkItemQueued>(item.Unclaim(Carol, Now).Event);
        Assert.Equal((WorkItemStatus.Queued, (string?)null, 4), (item.Status, item.ClaimedBy, queued.Sequence));
    }

    [Fact]
    public void Only_the_holder_or_the_lead_may_unclaim_or_reject()
    {
        var item = ClaimedBy("carol");
        Assert.Equal(RefusalKind.Forbidden, item.Unclaim(Erin, Now).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, item.Reject(Erin, "No", Now).Refusal!.Kind);
        Assert.Null(item.Unclaim(Dave, Now).Refusal);
    }

    [Fact]
    public void The_lead_reassigns_an_open_item_to_another_member_who_must_start_afresh()
    {
        var item = ClaimedBy("carol");
        item.Start(Carol, Now);
        var claimed = Assert.IsType<WorkItemClaimed>(item.Reassign(Dave, "erin", Now).Event);
        Assert.Equal(("erin", WorkItemStatus.Claimed, (DateTimeOffset?)null), (item.ClaimedBy, item.Status, item.StartedAt));
        Assert.Equal("erin", claimed.ActorId);

        Assert.Equal(RefusalKind.Forbidden, item.Reassign(Carol, "carol", Now).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, item.Reassign(Dave, "erin", Now).Refusal!.Kind);
    }
}
