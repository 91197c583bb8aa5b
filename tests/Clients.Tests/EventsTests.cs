using System.Collections.Concurrent;
using System.Net;
using ClientRequests.Contracts.Clients;
using ClientRequests.Contracts.Requests;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;

namespace Clients.Tests;

/// <summary>The events leave through the outbox and reach a real broker; request events feed client health.</summary>
public sealed class EventsTests(ClientsApp app) : IClassFixture<ClientsApp>, IAsyncLifetime
{
    readonly ConcurrentQueue<object> received = new();
    IBusControl listener = null!;

    public async ValueTask InitializeAsync()
    {
        listener = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(app.RabbitMqUri));
            bus.ReceiveEndpoint($"clients-events-test-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<ClientRegistered>(context => Record(context.Message));
                endpoint.Handler<ClientUpdated>(context => Record(context.Message));
                endpoint.Handler<AccountTeamChanged>(context => Record(context.Message));
            });
        });
        await listener.StartAsync();
    }

    public async ValueTask DisposeAsync() => await listener.StopAsync();

    Task Record(object message)
    {
        received.Enqueue(message);
        return Task.CompletedTask;
    }

    async Task<T> EventuallyAsync<T>(Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (received.OfType<T>().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {typeof(T).Name} arrived that matched.");
    }

    [Fact]
    public async Task Registering_and_updating_a_client_announce_it()
    {
        var http = app.ClientFor(DemoUsers.Bob);
        var created = await (await http.PostJsonAsync("/api/clients", new { name = "Events Co", industry = "Media", tier = "key" }))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);
        var registered = await EventuallyAsync<ClientRegistered>(e => e.ClientId == created.Id);
        Assert.Equal(("Events Co", "key", "prospect", "alice", "bob"), (registered.Name, registered.Tier, registered.Status, registered.AccountManagerId, registered.RegisteredBy));
        Assert.Equal(["bob"], registered.AccountExecutiveIds);

        await (await http.PutJsonAsync($"/api/clients/{created.Id}", new { name = "Events Company", industry = "Media", status = "active", version = created.Version }))
            .ReadAsync<ClientDto>();
        var updated = await EventuallyAsync<ClientUpdated>(e => e.ClientId == created.Id);
        Assert.Equal(("Events Company", "active", 2, "bob"), (updated.Name, updated.Status, updated.Version, updated.UpdatedBy));
    }

    [Fact]
    public async Task Handing_a_client_to_another_manager_announces_its_new_team()
    {
        var created = await (await app.ClientFor(DemoUsers.Alice).PostJsonAsync("/api/clients", new { name = "Handover Ltd", industry = "Logistics" }))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);

        var team = await (await app.ClientFor(DemoUsers.Alice).PutJsonAsync($"/api/clients/{created.Id}/account-manager", new { accountManagerId = "mallory" }))
            .ReadAsync<TeamDto>();
        Assert.Equal("mallory", team.AccountManagerId);

        var changed = await EventuallyAsync<AccountTeamChanged>(e => e.ClientId == created.Id);
        Assert.Equal(("mallory", "alice"), (changed.AccountManagerId, changed.ChangedBy));
        await (await app.ClientFor(DemoUsers.Alice).GetAsync($"/api/clients/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Adding_an_executive_announces_the_new_team_of_each_of_the_managers_clients()
    {
        var response = await app.ClientFor(DemoUsers.Grace).PutJsonAsync("/api/clients/account-executives/walter", new { managerId = "mallory" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var initech = await EventuallyAsync<AccountTeamChanged>(e => e.ClientId == Guid.Parse("33333333-3333-3333-3333-333333333333"));
        Assert.Equal(("mallory", "grace"), (initech.AccountManagerId, initech.ChangedBy));
        Assert.Contains("walter", initech.AccountExecutiveIds);
    }

    [Fact]
    public async Task Submitted_requests_lower_the_clients_health_once_each()
    {
        var created = await (await app.ClientFor(DemoUsers.Alice).PostJsonAsync("/api/clients", new { name = "Health Inc", industry = "Care" }))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);
        var complaint = Submitted(created.Id, "complaint", "normal");

        // The same request twice under different message ids (a sender's retry), then a second request.
        await listener.Publish(complaint);
        await listener.Publish(complaint);
        await listener.Publish(Submitted(created.Id, "need", "low"));

        var http = app.ClientFor(DemoUsers.Alice);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HealthDto health;
        do
        {
            await Task.Delay(100);
            health = await (await http.GetAsync($"/api/clients/{created.Id}/health")).ReadAsync<HealthDto>();
        } while (health.Signals < 2 && DateTime.UtcNow < deadline);
        await Task.Delay(500);
        health = await (await http.GetAsync($"/api/clients/{created.Id}/health")).ReadAsync<HealthDto>();

        Assert.Equal((2, 76, "watch"), (health.Signals, health.Score, health.Band));
    }

    static RequestSubmitted Submitted(Guid clientId, string type, string priority) => new()
    {
        RequestId = Guid.NewGuid(), ClientId = clientId, ClientName = "Health Inc", AccountManagerId = "alice", AccountExecutiveIds = ["bob"],
        OpenedBy = "alice", Type = type, Priority = priority, Title = "Something", DepartmentCodes = ["support"], SubmittedAt = DateTimeOffset.UtcNow,
    };

    sealed record HealthDto(Guid ClientId, int Score, string Band, int Signals);
}
