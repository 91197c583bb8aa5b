using System.Net;
using System.Net.Http.Json;
using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

public sealed class LifecycleApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    [Fact]
    public async Task A_forbidden_move_is_a_409_that_names_the_current_state_and_changes_nothing()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);

        var cancelled = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { reason = "Duplicate of another request" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var versionAfterCancel = (await GetAsync(alice, opened.Id)).Version;

        foreach (var action in new[] { "cancel", "wait-on-client", "resume", "reopen" })
        {
            var problem = await ProblemAsync(await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/{action}", new { }), HttpStatusCode.Conflict);
            Assert.Equal("Cancelled", problem.GetProperty("currentState").GetString());
            Assert.Contains("Cancelled", problem.GetProperty("detail").GetString());
        }
        var after = await GetAsync(alice, opened.Id);
        Assert.Equal(("Cancelled", versionAfterCancel), (after.Status, after.Version));
        var statusChanges = (await TimelineAsync(alice, opened.Id)).Where(e => e.Kind == TimelineKinds.StatusChanged).ToList();
        var change = Assert.Single(statusChanges);
        Assert.Equal(("Cancelled", "alice", "Duplicate of another request"), (change.Status, change.ActorId, change.Text));
    }

    [Fact]
    public async Task Waiting_on_the_client_and_resuming_are_on_the_timeline_in_order()
    {
        using var bob = App.ClientFor(DemoUsers.Bob);
        var opened = await OpenAsync(bob);

        Assert.Equal("WaitingOnClient", (await (await bob.PostAsJsonAsync($"/api/requests/{opened.Id}/wait-on-client", new { reason = "Need the invoice number" }))
            .Content.ReadFromJsonAsync<RequestView>())!.Status);
        var resumed = await (await bob.PostAsync($"/api/requests/{opened.Id}/resume", null)).Content.ReadFromJsonAsync<RequestView>();
        Assert.Equal("Submitted", resumed!.Status);

        var timeline = await TimelineAsync(bob, opened.Id);
        // Submitted and assigned share their instant; what follows comes after, in order.
        Assert.Equal([TimelineKinds.Submitted, TimelineKinds.WorkItemAssigned], timeline.Take(2).Select(e => e.Kind).Order());
        Assert.Equal([TimelineKinds.StatusChanged, TimelineKinds.StatusChanged], timeline.Skip(2).Select(e => e.Kind));
        Assert.Equal(["WaitingOnClient", "Submitted"], timeline.Where(e => e.Status is not null).Select(e => e.Status));
    }

    [Fact]
    public async Task Reopening_a_fulfilled_request_assigns_the_work_again_and_a_reason_over_the_limit_is_named()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var item = opened.WorkItems.Single();
        await App.PublishAsync(new WorkItemCompleted
        {
            WorkItemId = item.Id, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 3, ActorId = "carol", ResolutionNote = "Refunded", CompletedAt = opened.SubmittedAt.AddMinutes(5),
        }, NewId.NextGuid());
        await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Status == "Fulfilled");

        var tooLong = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/reopen", new { reason = new string('x', LifecycleApi.ReasonMax + 1) });
        Assert.True((await ProblemAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        var unknown = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/reopen", new { departments = new[] { "legal" } });
        Assert.True((await ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("departments", out _));

        var reopened = await (await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/reopen", new { reason = "Refund did not arrive" }))
            .Content.ReadFromJsonAsync<RequestView>();
        Assert.Equal(("Reopened", 2), (reopened!.Status, reopened.Round));
        var redo = Assert.Single(reopened.WorkItems, w => w.Round == 2);
        Assert.Equal("billing", redo.DepartmentCode);
        var assignments = await App.QueryAsync(db => db.Set<ClientRequests.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.Destination == "department-billing" && m.Body.Contains(redo.Id.ToString())).CountAsync());
        Assert.Equal(1, assignments);
    }
}
