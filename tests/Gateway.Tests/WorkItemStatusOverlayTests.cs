using ClientRequests.Gateway.Events;
using ClientRequests.Requests.Grpc;

namespace Gateway.Tests;

public sealed class WorkItemStatusOverlayTests
{
    static readonly Guid Request = Guid.NewGuid();
    static readonly Guid Item = Guid.NewGuid();

    static RequestEntry Entry(string status) => new()
    {
        Id = Request.ToString(), WorkItems = { new WorkItemEntry { Id = Item.ToString(), DepartmentCode = "billing", Status = status, Round = 1 } },
    };

    static PlatformEvent Event(string status, int sequence) =>
        new(EventKinds.WorkItemClaimed, Request, DateTimeOffset.UtcNow, "billing", Item, status, sequence);

    [Fact]
    public void A_status_the_requests_service_has_not_applied_yet_is_shown()
    {
        var progress = new WorkItemStatusOverlay();
        progress.Record(Event("Claimed", 2));

        var shown = progress.Apply(Entry("Queued"));

        Assert.Equal("Claimed", shown.WorkItems[0].Status);
    }

    [Fact]
    public void The_service_answer_is_not_changed_in_place()
    {
        var progress = new WorkItemStatusOverlay();
        progress.Record(Event("Claimed", 2));
        var entry = Entry("Queued");

        progress.Apply(entry);

        Assert.Equal("Queued", entry.WorkItems[0].Status);
    }

    [Fact]
    public void A_late_event_never_moves_a_work_item_back()
    {
        var progress = new WorkItemStatusOverlay();
        progress.Record(Event("Completed", 4));
        progress.Record(Event("Claimed", 2));

        Assert.Equal("Completed", progress.Apply(Entry("InProgress")).WorkItems[0].Status);
        // Nor behind what the requests service already knows.
        var behind = new WorkItemStatusOverlay();
        behind.Record(Event("Claimed", 2));
        Assert.Equal("Completed", behind.Apply(Entry("Completed")).WorkItems[0].Status);
    }

    [Fact]
    public void Events_without_a_work_item_change_nothing()
    {
        var progress = new WorkItemStatusOverlay();
        progress.Record(new PlatformEvent(EventKinds.SlaBreached, Request, DateTimeOffset.UtcNow, "billing", Item));

        Assert.Equal("Queued", progress.Apply(Entry("Queued")).WorkItems[0].Status);
    }
}
