using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.Contracts.Departments;
using ClientRequests.Messaging.Outbox;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>
/// The requests service owns every clock: the assignment carries the work item's instants, each later change of them is
/// announced once with a higher revision, and the REST view shows the same instants (ADR 0027).
/// </summary>
public sealed class ClockOwnershipTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    Task<List<T>> OutboxAsync<T>(Guid mentioning) => App.QueryAsync(async db =>
        (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(typeof(T).Name) && m.Body.Contains(mentioning.ToString())).OrderBy(m => m.Id)
            .Select(m => m.Body).ToListAsync())
        .Select(b => JsonSerializer.Deserialize<T>(b, Web)!).ToList());

    [Fact]
    public async Task Every_work_item_of_a_new_request_has_a_clock_and_its_assignment_carries_the_same_instants()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        // Both departments have an OLA in the shipped settings (and any other would get Sla:Ola): each item has a clock.
        var opened = await OpenAsync(alice, departments: ["billing", "support"]);

        Assert.Equal(SlaStates.OnTrack, opened.Sla.State);
        Assert.NotNull(opened.Sla.FirstResponseDueAt);
        Assert.True(opened.Sla.ResolutionDueAt > opened.Sla.FirstResponseDueAt);
        Assert.True(opened.Sla.AtRiskAt < opened.Sla.ResolutionDueAt);
        var stored = await GetAsync(alice, opened.Id);
        Assert.Equal(opened.Sla.ResolutionDueAt, stored.Sla.ResolutionDueAt);

        foreach (var item in stored.WorkItems)
        {
            Assert.Equal(SlaStates.OnTrack, item.Sla.State);
            var assignment = Assert.Single(await OutboxAsync<AssignWorkItem>(item.Id));
            Assert.Equal((item.Sla.ResolutionDueAt, item.Sla.AtRiskAt, 1), (assignment.DueAt, assignment.AtRiskAt, assignment.ClockRevision));
        }
        // Nothing else is announced for a clock its department just received.
        Assert.Empty(await OutboxAsync<WorkItemClockChanged>(opened.Id));
    }

    [Fact]
    public async Task Waiting_on_the_client_pauses_the_departments_clock_and_resuming_moves_its_due_instant()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var item = opened.WorkItems.Single();

        var waiting = (await (await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/wait-on-client", new { reason = "Invoice number?" }))
            .Content.ReadFromJsonAsync<RequestView>())!;
        Assert.Equal(SlaStates.Paused, waiting.Sla.State);
        Assert.Equal(SlaStates.Paused, waiting.WorkItems.Single().Sla.State);
        var paused = Assert.Single(await OutboxAsync<WorkItemClockChanged>(opened.Id));
        Assert.Equal((item.Id, 2, true), (paused.WorkItemId, paused.ClockRevision, paused.Paused));

        await Task.Delay(1100);
        var resumed = (await (await alice.PostAsync($"/api/requests/{opened.Id}/resume", null)).Content.ReadFromJsonAsync<RequestView>())!;
        var changes = await OutboxAsync<WorkItemClockChanged>(opened.Id);
        Assert.Equal([2, 3], changes.Select(c => c.ClockRevision));
        Assert.False(changes[1].Paused);
        Assert.Equal(resumed.WorkItems.Single().Sla.ResolutionDueAt, changes[1].DueAt);
    }

    [Fact]
    public async Task A_hand_overs_new_item_gets_its_own_departments_clock_from_the_hand_over_on()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var item = opened.WorkItems.Single();
        var successor = NewId.NextGuid();
        await App.PublishAsync(new WorkItemHandedOver
        {
            WorkItemId = item.Id, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 2, ActorId = "carol",
            ToDepartmentCode = "legal", NewWorkItemId = successor, HandedOverAt = DateTimeOffset.UtcNow,
        }, NewId.NextGuid());

        var announced = await EventuallyAsync(() => OutboxAsync<WorkItemClockChanged>(successor), c => c.Count > 0);
        var change = Assert.Single(announced);
        Assert.Equal(("legal", 1, false), (change.DepartmentCode, change.ClockRevision, change.Paused));
        var view = await GetAsync(alice, opened.Id);
        Assert.Equal(change.DueAt, view.WorkItems.Single(w => w.Id == successor).Sla.ResolutionDueAt);
        Assert.Equal(SlaStates.Met, view.WorkItems.Single(w => w.Id == item.Id).Sla.State);
    }
}
