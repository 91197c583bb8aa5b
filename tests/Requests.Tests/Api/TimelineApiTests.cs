using System.Net;
using System.Net.Http.Json;
using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

public sealed class TimelineApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    [Fact]
    public async Task Comments_are_on_the_timeline_with_author_time_and_visibility()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var carol = App.ClientFor(DemoUsers.Carol);
        var opened = await OpenAsync(alice);

        var forClient = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/comments", new { text = "We are on it.", visibility = "client" });
        Assert.Equal(HttpStatusCode.Created, forClient.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await carol.PostAsJsonAsync($"/api/requests/{opened.Id}/comments", new { text = "Checking the ledger." })).StatusCode);
        // An agent does not speak to the client directly.
        var agentToClient = await carol.PostAsJsonAsync($"/api/requests/{opened.Id}/comments", new { text = "Hello", visibility = "client" });
        Assert.True((await ProblemAsync(agentToClient, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("visibility", out _));

        var comments = (await TimelineAsync(alice, opened.Id)).Where(e => e.Kind == TimelineKinds.Comment).ToList();
        Assert.Equal([("alice", "client", "We are on it."), ("carol", "internal", "Checking the ledger.")],
            comments.Select(c => (c.ActorId, c.Visibility, c.Text)));
        Assert.True(comments[0].At <= comments[1].At);
        // Each comment is announced (for notifications) in the transaction that wrote it; the refused one is not.
        Assert.Equal(2, await App.QueryAsync(db => Task.FromResult(db.Set<ClientRequests.Messaging.Outbox.OutboxMessage>()
            .Count(m => m.MessageType.Contains("CommentAdded") && m.Body.Contains(opened.Id.ToString())))));
    }

    [Theory]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"text":"hi","visibility":"public"}""", "visibility")]
    [InlineData("""{"text":"hi","visibility":"1"}""", "visibility")]
    public async Task A_bad_comment_is_a_400_naming_the_field(string body, string field)
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var response = await alice.PostAsync($"/api/requests/{opened.Id}/comments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Satisfaction_is_recorded_once_after_fulfilment_and_published()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var early = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/satisfaction", new { score = 5 });
        Assert.Equal("Submitted", (await ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("currentState").GetString());

        await App.PublishAsync(new WorkItemCompleted
        {
            WorkItemId = opened.WorkItems[0].Id, RequestId = opened.Id, DepartmentCode = "billing", Sequence = 2, ActorId = "carol",
            ResolutionNote = "Refunded", CompletedAt = opened.SubmittedAt.AddMinutes(1),
        }, NewId.NextGuid());
        await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Status == "Fulfilled");

        var outOfRange = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/satisfaction", new { score = 6 });
        Assert.True((await ProblemAsync(outOfRange, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("score", out _));
        var scored = await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/satisfaction", new { score = 4, comment = "Quick refund" });
        Assert.Equal(4, (await scored.Content.ReadFromJsonAsync<RequestView>())!.SatisfactionScore);
        await ProblemAsync(await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/satisfaction", new { score = 1 }), HttpStatusCode.Conflict);

        var entry = Assert.Single(await TimelineAsync(alice, opened.Id), e => e.Kind == TimelineKinds.Satisfaction);
        Assert.Equal("Score 4: Quick refund", entry.Text);
        Assert.Equal(1, await App.QueryAsync(db => Task.FromResult(db.Set<ClientRequests.Messaging.Outbox.OutboxMessage>()
            .Count(m => m.MessageType.Contains("SatisfactionRecorded") && m.Body.Contains(opened.Id.ToString())))));
    }
}
