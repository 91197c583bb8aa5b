using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.Contracts.Departments;
using ClientRequests.Messaging.Outbox;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>PATCH /api/requests/{id}: guarded by the version, all or nothing, on the timeline, with the clocks recomputed.</summary>
public sealed class EditApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object body, string? ifMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Patch, $"/api/requests/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(message);
    }

    Task<int> OutboxCountAsync(string type, Guid mentioning) => App.QueryAsync(db =>
        db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains(type) && m.Body.Contains(mentioning.ToString())));

    [Fact]
    public async Task Raising_the_priority_with_the_etag_recomputes_the_clocks_and_puts_each_change_on_the_timeline()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var read = await alice.GetAsync($"/api/requests/{opened.Id}");
        var etag = read.Headers.ETag!.Tag;

        var response = await PatchAsync(alice, opened.Id, new { priority = "P1", title = "Charged twice — urgent" }, etag);
        var edited = (await response.Content.ReadFromJsonAsync<RequestView>())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("P1", "Charged twice — urgent"), (edited.Priority, edited.Title));
        // One edit, one instant: its entries share it (their order among themselves is not meaningful).
        // P2 is 24 business hours, P1 8: the new target is sooner, and the department's clock moved with it.
        Assert.True(edited.Sla.ResolutionDueAt < opened.Sla.ResolutionDueAt);
        Assert.True(edited.WorkItems.Single().Sla.ResolutionDueAt < opened.WorkItems.Single().Sla.ResolutionDueAt);
        Assert.Equal(1, await OutboxCountAsync(nameof(WorkItemClockChanged), opened.Id));
        Assert.Equal(1, await OutboxCountAsync("RequestEdited", opened.Id));
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);

        var edits = (await TimelineAsync(alice, opened.Id)).Where(e => e.Kind == TimelineKinds.Edited).ToList();
        Assert.Equal([("priority", "P2", "P1", "alice"), ("title", "Invoice charged twice", "Charged twice — urgent", "alice")],
            edits.Select(e => (e.Text, e.Before, e.After, e.ActorId)).OrderBy(e => e.Text));
    }

    [Fact]
    public async Task A_stale_version_is_a_412_for_if_match_and_a_409_for_the_field_both_naming_the_current_version_and_nothing_changes()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(alice, opened.Id, new { version = opened.Version, title = "First edit" })).StatusCode);

        var header = await ProblemAsync(await PatchAsync(alice, opened.Id, new { title = "Second edit" }, $"\"{opened.Version}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(opened.Version + 1, header.GetProperty("currentVersion").GetInt32());
        var field = await ProblemAsync(await PatchAsync(alice, opened.Id, new { version = opened.Version, title = "Second edit" }), HttpStatusCode.Conflict);
        Assert.Equal(("version", opened.Version + 1), (field.GetProperty("field").GetString(), field.GetProperty("currentVersion").GetInt32()));
        var missing = await ProblemAsync(await PatchAsync(alice, opened.Id, new { title = "No version" }), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal("First edit", (await GetAsync(alice, opened.Id)).Title);
    }

    [Fact]
    public async Task An_added_department_is_assigned_like_the_others_and_a_withdrawn_one_leaves_its_queue()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var edited = (await (await PatchAsync(alice, opened.Id, new { version = opened.Version, addDepartments = new[] { "legal" } }))
            .Content.ReadFromJsonAsync<RequestView>())!;
        var legal = Assert.Single(edited.WorkItems, w => w.DepartmentCode == "legal");
        Assert.Equal(("Legal", "on-track"), (legal.DepartmentName, legal.Sla.State));
        Assert.Equal(1, await App.QueryAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.Destination == "department-legal" && m.Body.Contains(legal.Id.ToString()))));

        var withdrawn = (await (await PatchAsync(alice, opened.Id, new { version = edited.Version, withdrawDepartments = new[] { "billing" } }))
            .Content.ReadFromJsonAsync<RequestView>())!;
        Assert.Equal("Withdrawn", withdrawn.WorkItems.Single(w => w.DepartmentCode == "billing").Status);
        Assert.Equal(1, await OutboxCountAsync(nameof(WorkItemWithdrawn), opened.Id));
        Assert.Contains(await TimelineAsync(alice, opened.Id), e => e.Kind == TimelineKinds.WorkItemWithdrawn && e.DepartmentCode == "billing");
    }

    [Fact]
    public async Task Refusals_name_the_state_or_field_and_write_nothing()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice, departments: ["billing", "legal"]);
        var legal = opened.WorkItems.Single(w => w.DepartmentCode == "legal");
        await App.PublishAsync(new WorkItemStarted
        {
            WorkItemId = legal.Id, RequestId = opened.Id, DepartmentCode = "legal", Sequence = 3, ActorId = "erin", StartedAt = DateTimeOffset.UtcNow,
        }, NewId.NextGuid());
        var started = await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.WorkItems.Any(w => w.Status == "InProgress"));

        // The title would be fine, the withdrawal is not: nothing of the edit is kept.
        var refused = await ProblemAsync(await PatchAsync(alice, opened.Id,
            new { version = started.Version, title = "Never saved", withdrawDepartments = new[] { "legal" } }), HttpStatusCode.Conflict);
        Assert.Equal(("InProgress", "legal"), (refused.GetProperty("workItemState").GetString(), refused.GetProperty("departmentCode").GetString()));
        var unknown = await ProblemAsync(await PatchAsync(alice, opened.Id, new { version = started.Version, addDepartments = new[] { "astrology" } }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("addDepartments", out _));
        var bad = await ProblemAsync(await PatchAsync(alice, opened.Id, new { version = started.Version, priority = "P9", title = "" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("priority", out _));
        var after = await GetAsync(alice, opened.Id);
        Assert.Equal((opened.Title, started.Version), (after.Title, after.Version));

        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { reason = "Not needed" })).StatusCode);
        var cancelled = await GetAsync(alice, opened.Id);
        var closed = await ProblemAsync(await PatchAsync(alice, opened.Id, new { version = cancelled.Version, title = "Too late" }), HttpStatusCode.Conflict);
        Assert.Equal("Cancelled", closed.GetProperty("currentState").GetString());
    }
}
