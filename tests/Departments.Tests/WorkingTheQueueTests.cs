using System.Net;
using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Departments.Tests;

/// <summary>Agents work items of a managed queue over REST; every step leaves through the outbox to the real broker.</summary>
public sealed class WorkingTheQueueTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    [Fact]
    public async Task Claiming_starting_and_completing_publishes_each_event_with_the_next_sequence()
    {
        await using var listener = await EventListener.StartAsync(App.AmqpUri);
        var agent = await App.NewAgentAsync("billing");
        using var client = App.ClientFor(agent);
        var id = await App.QueueWorkItemAsync("billing");

        (await client.ActAsync("billing", id, "claim")).EnsureSuccessStatusCode();
        (await client.ActAsync("billing", id, "start")).EnsureSuccessStatusCode();
        var item = await (await client.ActAsync("billing", id, "complete", new { resolutionNote = "Refunded the second charge" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Completed", item.GetProperty("status").GetString());
        Assert.Equal("Refunded the second charge", item.GetProperty("resolutionNote").GetString());

        var claimed = await listener.WaitForAsync<WorkItemClaimed>(e => e.WorkItemId == id);
        var started = await listener.WaitForAsync<WorkItemStarted>(e => e.WorkItemId == id);
        var completed = await listener.WaitForAsync<WorkItemCompleted>(e => e.WorkItemId == id);
        Assert.Equal([2, 3, 4], new[] { claimed.Sequence, started.Sequence, completed.Sequence });
        Assert.All(new[] { claimed.ActorId, started.ActorId, completed.ActorId }, actor => Assert.Equal(agent.Id, actor));
        Assert.Equal("Refunded the second charge", completed.ResolutionNote);
    }

    [Fact]
    public async Task Of_agents_claiming_the_same_item_at_once_exactly_one_wins_and_the_others_get_409()
    {
        var agents = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.NewAgentAsync("billing", capacity: 50)));
        var clients = agents.Select(App.ClientFor).ToList();
        for (var round = 0; round < 10; round++)
        {
            var id = await App.QueueWorkItemAsync("billing");
            using var start = new ManualResetEventSlim();
            var claims = clients.Select(client => Task.Run(async () =>
            {
                start.Wait();
                return await client.ActAsync("billing", id, "claim");
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(claims);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) await loser.ProblemAsync(HttpStatusCode.Conflict);
            var claimEvents = await App.QueryAsync(db => db.Set<ClientRequests.Messaging.Outbox.OutboxMessage>()
                .CountAsync(m => m.MessageType.Contains(nameof(WorkItemClaimed)) && m.Body.Contains(id.ToString())));
            Assert.Equal(1, claimEvents);
        }
    }

    [Fact]
    public async Task Claiming_an_item_already_claimed_or_closed_is_a_409_naming_the_state()
    {
        var (carol, erin) = (await App.NewAgentAsync("billing"), await App.NewAgentAsync("billing"));
        using var first = App.ClientFor(carol);
        using var second = App.ClientFor(erin);
        var id = await App.QueueWorkItemAsync("billing");
        (await first.ActAsync("billing", id, "claim")).EnsureSuccessStatusCode();

        var claimed = await (await second.ActAsync("billing", id, "claim")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Claimed", claimed.GetProperty("status").GetString());
        Assert.Contains(carol.Id, claimed.GetProperty("detail").GetString());

        (await first.ActAsync("billing", id, "reject", new { reason = "Not a billing matter" })).EnsureSuccessStatusCode();
        var closed = await (await second.ActAsync("billing", id, "claim")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Rejected", closed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Completing_someone_elses_item_is_403_and_changes_nothing()
    {
        var (holder, other) = (await App.NewAgentAsync("billing"), await App.NewAgentAsync("billing"));
        using var holderClient = App.ClientFor(holder);
        using var otherClient = App.ClientFor(other);
        var id = await App.QueueWorkItemAsync("billing");
        (await holderClient.ActAsync("billing", id, "claim")).EnsureSuccessStatusCode();

        var problem = await (await otherClient.ActAsync("billing", id, "complete", new { resolutionNote = "Done" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(holder.Id, problem.GetProperty("claimedBy").GetString());
        Assert.Equal(WorkItemStatus.Claimed, await App.QueryAsync(db => db.WorkItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_unknown_items_are_404()
    {
        var agent = await App.NewAgentAsync("billing");
        using var client = App.ClientFor(agent);
        var id = await App.QueueWorkItemAsync("billing");
        (await client.ActAsync("billing", id, "claim")).EnsureSuccessStatusCode();

        Assert.Contains("required", await (await client.ActAsync("billing", id, "complete", new { })).FieldErrorAsync("resolutionNote"));
        Assert.Contains("required", await (await client.ActAsync("billing", id, "reject", new { reason = "" })).FieldErrorAsync("reason"));
        Assert.Contains("already in department", await (await client.ActAsync("billing", id, "hand-over", new { toDepartmentCode = "billing" })).FieldErrorAsync("toDepartmentCode"));
        Assert.Contains("astrology", await (await client.ActAsync("billing", id, "hand-over", new { toDepartmentCode = "astrology" })).FieldErrorAsync("toDepartmentCode"));
        Assert.Contains("resolutionNote", await (await client.PostAsync($"/api/departments/billing/queue/{id}/complete",
            new StringContent("""{"resolutionNote": 42}""", System.Text.Encoding.UTF8, "application/json"))).FieldErrorAsync("resolutionNote"));
        await (await client.ActAsync("billing", Guid.NewGuid(), "claim")).ProblemAsync(HttpStatusCode.NotFound);
        // An item of billing asked for under another department's path does not exist there.
        await (await App.ClientFor(DemoUsers.Grace).ActAsync("legal", id, "start")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_at_capacity_cannot_claim_more_until_they_finish_one()
    {
        var agent = await App.NewAgentAsync("billing", capacity: 1);
        using var client = App.ClientFor(agent);
        var (first, second) = (await App.QueueWorkItemAsync("billing"), await App.QueueWorkItemAsync("billing"));
        (await client.ActAsync("billing", first, "claim")).EnsureSuccessStatusCode();

        var problem = await (await client.ActAsync("billing", second, "claim")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("capacity", problem.GetProperty("field").GetString());

        (await client.ActAsync("billing", first, "unclaim")).EnsureSuccessStatusCode();
        (await client.ActAsync("billing", second, "claim")).EnsureSuccessStatusCode();
    }
}
