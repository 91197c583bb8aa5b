using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>Departments' progress events over the real broker: each updates the roll-up once, whatever the order and however often it comes.</summary>
public sealed class RollUpOverBrokerTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    [Fact]
    public async Task Duplicate_and_reordered_progress_events_fulfil_the_request_once_with_one_timeline_entry_per_step()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice, "contract-change");
        var legal = opened.WorkItems.Single(w => w.DepartmentCode == "legal").Id;
        var billing = opened.WorkItems.Single(w => w.DepartmentCode == "billing").Id;
        var support = Guid.NewGuid();
        var t = opened.SubmittedAt;
        object[] steps =
        [
            new WorkItemQueued { WorkItemId = legal, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 1, QueuedAt = t.AddSeconds(1) },
            new WorkItemClaimed { WorkItemId = legal, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 2, ActorId = "erin", ClaimedAt = t.AddSeconds(2) },
            new WorkItemStarted { WorkItemId = legal, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 3, ActorId = "erin", StartedAt = t.AddSeconds(3) },
            new WorkItemCompleted { WorkItemId = legal, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 4, ActorId = "erin", ResolutionNote = "Clause signed", CompletedAt = t.AddSeconds(4) },
            new WorkItemQueued { WorkItemId = billing, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 1, QueuedAt = t.AddSeconds(1) },
            new WorkItemClaimed { WorkItemId = billing, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 2, ActorId = "carol", ClaimedAt = t.AddSeconds(2) },
            new WorkItemHandedOver { WorkItemId = billing, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 3, ActorId = "carol", ToDepartmentCode = "support", NewWorkItemId = support, HandedOverAt = t.AddSeconds(5) },
            new WorkItemQueued { WorkItemId = support, RequestId = opened.Id, DepartmentCode = "support", Sequence = 1, QueuedAt = t.AddSeconds(6) },
            new WorkItemCompleted { WorkItemId = support, RequestId = opened.Id, DepartmentCode = "support", Sequence = 2, ActorId = "sam", ResolutionNote = "Rate updated", CompletedAt = t.AddSeconds(7) },
        ];
        var consumed = new ConsumedMessages();
        using var _ = App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);

        // Newest first, every message twice under its own id, and the last step again under a new id (a re-sent event).
        var ids = steps.Select(_ => NewId.NextGuid()).ToArray();
        var deliveries = Enumerable.Range(0, steps.Length).Reverse().SelectMany(i => new[] { (steps[i], ids[i]), (steps[i], ids[i]) })
            .Append((steps[^1], NewId.NextGuid())).ToList();
        await Task.WhenAll(deliveries.Select(d => App.PublishAsync(d.Item1, d.Item2)));

        await EventuallyAsync(() => Task.FromResult(consumed.Count), n => n >= deliveries.Count);
        var request = await GetAsync(alice, opened.Id);
        Assert.Equal(deliveries.Count, consumed.Count);
        Assert.Equal("Fulfilled", request.Status);
        Assert.Equal(["billing:HandedOver", "legal:Completed", "support:Completed"],
            request.WorkItems.Select(w => $"{w.DepartmentCode}:{w.Status}").Order());
        Assert.Equal(billing, request.WorkItems.Single(w => w.DepartmentCode == "support").HandedOverFrom);

        var timeline = await TimelineAsync(alice, opened.Id);
        var workSteps = timeline.Where(e => e.Kind.StartsWith("work-item-") && e.Kind != TimelineKinds.WorkItemAssigned).ToList();
        Assert.Equal(steps.Length, workSteps.Count);
        Assert.Equal(workSteps.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id), workSteps.Select(e => e.Id));
        Assert.Equal(1, timeline.Count(e => e is { Kind: TimelineKinds.StatusChanged, Status: "Fulfilled" }));
        var inbox = await App.QueryAsync(db => db.Set<ClientRequests.Messaging.Inbox.InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)));
        Assert.Equal(steps.Length, inbox);
    }

    [Fact]
    public async Task A_request_is_not_fulfilled_while_a_work_item_is_open_and_follows_the_slowest_department()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice, "contract-change");
        var legal = opened.WorkItems.Single(w => w.DepartmentCode == "legal").Id;
        var billing = opened.WorkItems.Single(w => w.DepartmentCode == "billing").Id;

        await App.PublishAsync(new WorkItemCompleted
        {
            WorkItemId = legal, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 4, ActorId = "erin", ResolutionNote = "ok", CompletedAt = opened.SubmittedAt.AddMinutes(1),
        }, NewId.NextGuid());
        var afterLegal = await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Status == "InProgress");
        Assert.Equal("InProgress", afterLegal.Status);

        await App.PublishAsync(new WorkItemRejected
        {
            WorkItemId = billing, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 2, ActorId = "carol", Reason = "No invoice", RejectedAt = opened.SubmittedAt.AddMinutes(2),
        }, NewId.NextGuid());
        var done = await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Status != "InProgress");
        Assert.Equal("Fulfilled", done.Status);
        Assert.Equal("No invoice", done.WorkItems.Single(w => w.DepartmentCode == "billing").Outcome);
    }
}
