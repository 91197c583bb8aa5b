using System.Net;
using ClientRequests.Contracts.Departments;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Departments.Tests;

/// <summary>
/// The requests service owns the clocks: this service keeps the newest instants it is sent (in any arrival order) and its
/// queue sort, at-risk filter and board read exactly those.
/// </summary>
public sealed class ClockChangeTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    Task PublishAsync(Guid id, int revision, DateTimeOffset? dueAt, DateTimeOffset? atRiskAt, bool paused = false, string department = "legal") =>
        App.Services.GetRequiredService<IBus>().Publish(new WorkItemClockChanged
        {
            WorkItemId = id, RequestId = Guid.NewGuid(), DepartmentCode = department, ClockRevision = revision,
            DueAt = dueAt, AtRiskAt = atRiskAt, Paused = paused, ChangedAt = DateTimeOffset.UtcNow,
        });

    /// <summary>Instants as the requests service sends them: whole seconds.</summary>
    static DateTimeOffset In(TimeSpan offset)
    {
        var at = DateTimeOffset.UtcNow + offset;
        return new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    Task<ClientRequests.Departments.Domain.WorkItem> ItemAsync(Guid id) =>
        App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id)));

    [Fact]
    public async Task The_newest_revision_wins_whatever_order_the_changes_arrive_in()
    {
        var id = await App.QueueWorkItemAsync("legal");
        var soon = In(TimeSpan.FromMinutes(30));
        var later = In(TimeSpan.FromHours(3));
        await PublishAsync(id, 3, later, later.AddHours(-1));
        await Eventually.TrueAsync(async () => (await ItemAsync(id)).ClockRevision == 3, "revision 3 applied");
        // Revision 2 was sent before 3 but arrives after it: it changes nothing.
        await PublishAsync(id, 2, soon, soon.AddMinutes(-10));
        await PublishAsync(id, 4, later, later.AddHours(-1));
        await Eventually.TrueAsync(async () => (await ItemAsync(id)).ClockRevision == 4, "revision 4 applied");
        var item = await ItemAsync(id);
        Assert.Equal((later, later.AddHours(-1)), (item.DueAt, item.AtRiskAt));
    }

    [Fact]
    public async Task A_paused_clock_keeps_its_instants_and_is_not_at_risk_until_it_runs_again()
    {
        var id = await App.QueueWorkItemAsync("legal");
        var past = In(TimeSpan.FromMinutes(-5));
        await PublishAsync(id, 2, past.AddHours(1), past);
        await Eventually.TrueAsync(async () => (await ItemAsync(id)).ClockRevision == 2, "revision 2 applied");
        using var erin = App.ClientFor(DemoUsers.Erin);
        async Task<bool> AtRiskAsync() =>
            (await (await erin.GetAsync($"/api/departments/legal/queue?atRisk=true&limit=200")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
        Assert.True(await AtRiskAsync());

        // The request waits on its client: no instant not yet reached is sent, the stored ones stay, the item is not at risk.
        await PublishAsync(id, 3, null, past, paused: true);
        await Eventually.TrueAsync(async () => (await ItemAsync(id)).ClockRevision == 3, "pause applied");
        Assert.Equal((past.AddHours(1), true), ((await ItemAsync(id)).DueAt, (await ItemAsync(id)).ClockPaused));
        Assert.False(await AtRiskAsync());
        var board = await (await erin.GetAsync($"/api/departments/legal/queue/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(board.GetProperty("atRisk").GetBoolean());
    }

    [Fact]
    public async Task A_change_that_overtakes_its_items_assignment_is_applied_once_the_item_arrives()
    {
        var id = Guid.NewGuid();
        var due = In(TimeSpan.FromHours(5));
        await PublishAsync(id, 2, due, due.AddHours(-1));
        await Task.Delay(200);
        await App.SendWorkItemAsync("legal", id: id);
        await Eventually.TrueAsync(async () => await App.QueryAsync(db => Task.FromResult(db.WorkItems.Any(i => i.Id == id && i.ClockRevision == 2))),
            "the retried change applied after the assignment");
        Assert.Equal(due, (await ItemAsync(id)).DueAt);
    }

    [Fact]
    public async Task A_change_for_an_external_departments_item_is_its_own_systems_business()
    {
        Task<int> ConsumedAsync() => App.QueryAsync(db => Task.FromResult(
            db.Set<ClientRequests.Messaging.Inbox.InboxMessage>().Count(m => m.Consumer == "WorkItemClockChangedConsumer")));
        var before = await ConsumedAsync();
        // No item here will ever exist for it: consumed at once, not retried until it lands in _error.
        await PublishAsync(Guid.NewGuid(), 2, In(TimeSpan.FromHours(1)), In(TimeSpan.Zero), department: "erp");
        await Eventually.TrueAsync(async () => await ConsumedAsync() == before + 1, "the change consumed");
    }

    [Fact]
    public async Task A_withdrawn_item_leaves_the_queue_unless_its_work_started()
    {
        var (queued, started) = (await App.QueueWorkItemAsync("legal"), await App.QueueWorkItemAsync("legal"));
        using var erin = App.ClientFor(DemoUsers.Erin);
        (await erin.ActAsync("legal", started, "claim")).EnsureSuccessStatusCode();
        (await erin.ActAsync("legal", started, "start")).EnsureSuccessStatusCode();
        foreach (var id in new[] { queued, started })
            await App.Services.GetRequiredService<IBus>().Publish(new WorkItemWithdrawn
            {
                WorkItemId = id, RequestId = Guid.NewGuid(), DepartmentCode = "legal", ActorId = "alice", WithdrawnAt = DateTimeOffset.UtcNow,
            });
        await Eventually.TrueAsync(async () => (await ItemAsync(queued)).Status == ClientRequests.Departments.Domain.WorkItemStatus.Withdrawn, "withdrawn");
        var open = await (await erin.GetAsync("/api/departments/legal/queue?status=Queued&limit=200")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == queued);
        Assert.Equal(ClientRequests.Departments.Domain.WorkItemStatus.InProgress, (await ItemAsync(started)).Status);
    }
}
