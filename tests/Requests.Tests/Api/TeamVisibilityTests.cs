using System.Net;
using System.Net.Http.Json;
using ClientRequests.Contracts.Clients;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>
/// Who sees a client's requests follows its account team as the clients service's events change it (ADR 0029): lists,
/// reads by id, actions and gRPC, over the real broker. Each test gets its own service, since teams change.
/// </summary>
public sealed class TeamVisibilityTests : IAsyncLifetime
{
    RequestsApp app = null!;

    public async ValueTask InitializeAsync() => app = await RequestsApp.StartAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task After_a_hand_over_the_former_manager_sees_none_of_the_clients_requests_and_the_new_manager_all()
    {
        using var alice = app.ClientFor(DemoUsers.Alice);
        using var mallory = app.ClientFor(DemoUsers.Mallory);
        var opened = await OpenAsync(alice);
        Assert.Contains(opened.Id, await ListedAsync(alice));
        Assert.DoesNotContain(opened.Id, await ListedAsync(mallory));

        await HandOverAsync(TestClients.Acme, DemoUsers.Mallory.Id, DateTimeOffset.UtcNow);

        await EventuallyAsync(() => ListedAsync(mallory), ids => ids.Contains(opened.Id));
        Assert.DoesNotContain(opened.Id, await ListedAsync(alice));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/requests/{opened.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/requests?clientId={TestClients.Acme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { reason = "mine?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mallory.GetAsync($"/api/requests/{opened.Id}")).StatusCode);
        Assert.Contains(opened.Id, (await mallory.GetFromJsonAsync<Page<RequestSummary>>($"/api/requests?clientId={TestClients.Acme}"))!.Items.Select(r => r.Id));

        // gRPC (what GraphQL reads) answers by the same query.
        var directory = new RequestDirectory.RequestDirectoryClient(GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() }));
        var aliceList = await directory.ListRequestsAsync(new ListRequestsRequest(), As(DemoUsers.Alice));
        Assert.DoesNotContain(aliceList.Requests, r => r.Id == opened.Id.ToString());
        var malloryList = await directory.ListRequestsAsync(new ListRequestsRequest(), As(DemoUsers.Mallory));
        Assert.Contains(malloryList.Requests, r => r.Id == opened.Id.ToString());
        var byId = await directory.GetRequestsAsync(new GetRequestsRequest { RequestIds = { opened.Id.ToString() } }, As(DemoUsers.Alice));
        Assert.Empty(byId.Requests);
        var dashboard = await directory.GetDashboardAsync(new GetDashboardRequest(), As(DemoUsers.Alice));
        Assert.DoesNotContain(dashboard.Clients, c => c.Key == TestClients.Acme.ToString());
    }

    [Fact]
    public async Task An_executive_sees_the_requests_of_their_managers_clients_and_loses_them_when_released()
    {
        using var alice = app.ClientFor(DemoUsers.Alice);
        using var bob = app.ClientFor(DemoUsers.Bob);
        var opened = await OpenAsync(alice);
        var assignedAt = DateTimeOffset.UtcNow;

        // Bob did not open it: he sees it because he reports to Acme's manager.
        Assert.Contains(opened.Id, await ListedAsync(bob));
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/api/requests/{opened.Id}")).StatusCode);

        await HandOverAsync(TestClients.Acme, DemoUsers.Alice.Id, assignedAt.AddSeconds(1));
        await EventuallyAsync(() => ListedAsync(bob), ids => !ids.Contains(opened.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/requests/{opened.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { reason = "still mine?" })).StatusCode);
        Assert.Contains(opened.Id, await ListedAsync(alice));

        // An older announcement arriving late (the assignment before the release) changes nothing.
        await app.PublishAsync(new AccountTeamChanged
        {
            ClientId = TestClients.Acme, AccountManagerId = DemoUsers.Alice.Id, AccountExecutiveIds = [DemoUsers.Bob.Id], ChangedBy = "grace", ChangedAt = assignedAt,
        });
        await Task.Delay(500);
        Assert.DoesNotContain(opened.Id, await ListedAsync(bob));
    }

    Task HandOverAsync(Guid clientId, string managerId, DateTimeOffset at, params string[] executives)
    {
        app.Directory.Move(clientId, managerId, executives);
        return app.PublishAsync(new AccountTeamChanged
        {
            ClientId = clientId, AccountManagerId = managerId, AccountExecutiveIds = executives, ChangedBy = "grace", ChangedAt = at,
        });
    }

    static async Task<List<Guid>> ListedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Page<RequestSummary>>("/api/requests?limit=100"))!.Items.Select(r => r.Id).ToList();

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };
}
