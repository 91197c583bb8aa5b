using System.Net.Http.Json;
using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>The client 360's part the requests service serves: open requests with clocks, recent events, satisfaction by month.</summary>
public sealed class ClientActivityTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    RequestDirectory.RequestDirectoryClient Directory() => DirectoryOf(App);

    static RequestDirectory.RequestDirectoryClient DirectoryOf(RequestsApp app) =>
        new(GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }));

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };

    [Fact]
    public Task The_team_sees_open_requests_recent_events_newest_first_and_satisfaction_by_month() => TeamSeesItAllAsync(App);

    /// <summary>The same on PostgreSQL, the production provider: the queries are translated for it, not only for SQLite.</summary>
    [Fact]
    public async Task The_same_on_PostgreSql()
    {
        await using var app = await RequestsApp.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:requests"] = (await TestPostgres.Shared).NewDatabase("requests"),
        });
        await TeamSeesItAllAsync(app);
    }

    static async Task TeamSeesItAllAsync(RequestsApp app)
    {
        using var alice = app.ClientFor(DemoUsers.Alice);
        var done = await OpenAsync(alice);
        var open = await OpenAsync(alice, "contract-change");
        await app.PublishAsync(new WorkItemCompleted
        {
            WorkItemId = done.WorkItems[0].Id, RequestId = done.Id, DepartmentCode = "billing", Sequence = 2, ActorId = "carol",
            ResolutionNote = "Refunded", CompletedAt = done.SubmittedAt.AddMinutes(1),
        }, NewId.NextGuid());
        await EventuallyAsync(() => GetAsync(alice, done.Id), r => r.Status == "Fulfilled");
        (await alice.PostAsJsonAsync($"/api/requests/{done.Id}/satisfaction", new { score = 4 })).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync($"/api/requests/{open.Id}/comments", new { text = "Calling them tomorrow." })).EnsureSuccessStatusCode();

        var reply = await DirectoryOf(app).GetClientActivityAsync(
            new GetClientActivityRequest { ClientIds = { TestClients.Acme.ToString(), TestClients.Initech.ToString(), "not-an-id" } }, As(DemoUsers.Alice));

        var acme = Assert.Single(reply.Clients);
        Assert.Equal(TestClients.Acme.ToString(), acme.ClientId);
        Assert.Equal(acme.OpenCount, acme.OpenRequests.Count);
        Assert.Contains(acme.OpenRequests, r => r.Id == open.Id.ToString() && r.Sla.State == "on-track" && r.Sla.ResolutionDueAt is not null);
        Assert.DoesNotContain(acme.OpenRequests, r => r.Id == done.Id.ToString());

        var events = acme.RecentEvents.ToList();
        Assert.Equal(events.OrderByDescending(e => e.Entry.At.ToDateTimeOffset()).Select(e => e.Entry.Id), events.Select(e => e.Entry.Id));
        Assert.Contains(events, e => (e.Entry.Kind, e.Entry.Text, e.RequestId, e.RequestTitle) == ("comment", "Calling them tomorrow.", open.Id.ToString(), open.Title));
        Assert.Contains(events, e => e.Entry.Kind == "satisfaction" && e.RequestId == done.Id.ToString());

        Assert.Equal(12, acme.Satisfaction.Count);
        var thisMonth = acme.Satisfaction[^1];
        Assert.Equal((DateTimeOffset.UtcNow.ToString("yyyy-MM"), 1, 4.0), (thisMonth.Month, thisMonth.Ratings, thisMonth.Average));
        Assert.All(acme.Satisfaction.SkipLast(1), m => Assert.False(m.HasAverage));
    }

    [Fact]
    public async Task Another_team_gets_nothing_of_the_client_and_staff_see_their_departments_work()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var legal = await OpenAsync(alice, "contract-change", departments: ["legal"]);
        var ask = new GetClientActivityRequest { ClientIds = { TestClients.Acme.ToString() } };

        Assert.Empty((await Directory().GetClientActivityAsync(ask, As(DemoUsers.Mallory))).Clients);
        var frank = Assert.Single((await Directory().GetClientActivityAsync(ask, As(DemoUsers.Frank))).Clients);
        Assert.Contains(frank.OpenRequests, r => r.Id == legal.Id.ToString());
        var carol = Assert.Single((await Directory().GetClientActivityAsync(ask, As(DemoUsers.Carol))).Clients);
        Assert.DoesNotContain(carol.OpenRequests, r => r.Id == legal.Id.ToString());
        Assert.DoesNotContain(carol.RecentEvents, e => e.RequestId == legal.Id.ToString());

        var tooMany = new GetClientActivityRequest();
        tooMany.ClientIds.AddRange(Enumerable.Range(0, RequestDirectoryService.MaxClients + 1).Select(_ => Guid.NewGuid().ToString()));
        var error = await Assert.ThrowsAsync<RpcException>(() => Directory().GetClientActivityAsync(tooMany, As(DemoUsers.Alice)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("client_ids", error.Status.Detail);
    }
}
