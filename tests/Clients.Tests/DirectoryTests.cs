using ClientRequests.TestKit;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Tests;

public sealed class DirectoryTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    const string Acme = "11111111-1111-1111-1111-111111111111";
    const string Globex = "22222222-2222-2222-2222-222222222222";
    const string Initech = "33333333-3333-3333-3333-333333333333";

    [Fact]
    public async Task The_demo_clients_are_in_the_directory_with_their_teams()
    {
        var reply = await app.DirectoryFor(DemoUsers.Sam).GetClientsAsync(new GetClientsRequest { ClientIds = { Acme, Globex, Initech } });

        var acme = Assert.Single(reply.Clients, c => c.Id == Acme);
        Assert.Equal(("Acme Corporation", "strategic", "active", "alice"), (acme.Name, acme.Tier, acme.Status, acme.AccountManagerId));
        Assert.Equal(["bob"], acme.AccountExecutiveIds);
        var globex = Assert.Single(reply.Clients, c => c.Id == Globex);
        Assert.Equal(("Globex", "key", "alice"), (globex.Name, globex.Tier, globex.AccountManagerId));
        var initech = Assert.Single(reply.Clients, c => c.Id == Initech);
        Assert.Equal(("Initech", "standard", "mallory"), (initech.Name, initech.Tier, initech.AccountManagerId));
        Assert.Empty(initech.AccountExecutiveIds);
        Assert.Equal(100, acme.HealthScore);
        Assert.Empty(reply.UnknownClientIds);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_reported_not_failed()
    {
        var missing = Guid.NewGuid().ToString();
        var reply = await app.DirectoryFor(DemoUsers.Alice).GetClientsAsync(new GetClientsRequest { ClientIds = { Acme, missing, "not-a-guid" } });

        Assert.Equal([Acme], reply.Clients.Select(c => c.Id));
        Assert.Equal(new[] { missing, "not-a-guid" }.Order(StringComparer.Ordinal), reply.UnknownClientIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_thousand_ids_are_answered_in_one_call()
    {
        var ids = await SeedClientsAsync(1000);

        var reply = await app.DirectoryFor(DemoUsers.Alice).GetClientsAsync(new GetClientsRequest { ClientIds = { ids.Select(id => id.ToString()) } });

        Assert.Equal(1000, reply.Clients.Count);
        Assert.Equal(ids.Order().ToList(), reply.Clients.Select(c => Guid.Parse(c.Id)).Order().ToList());
        Assert.All(reply.Clients, c => Assert.Equal("bulk-manager", c.AccountManagerId));
    }

    [Fact]
    public async Task Every_clients_team_pages_out_in_id_order_for_a_service_and_not_for_a_manager()
    {
        var teams = new List<AccountTeamEntry>();
        var after = "";
        do
        {
            var page = await app.DirectoryFor(DemoUsers.Grace).ListAccountTeamsAsync(new ListAccountTeamsRequest { AfterClientId = after, Limit = 2 });
            Assert.True(page.Teams.Count <= 2);
            Assert.NotNull(page.AsOf);
            teams.AddRange(page.Teams);
            after = page.NextAfterClientId;
        } while (after.Length > 0);

        Assert.Equal(teams.Count, teams.DistinctBy(t => t.ClientId).Count());
        var acme = Assert.Single(teams, t => t.ClientId == Acme);
        Assert.Equal("alice", acme.AccountManagerId);
        Assert.Equal(["bob"], acme.AccountExecutiveIds);
        Assert.True(teams.Count >= 3);
        Assert.Equal("mallory", Assert.Single(teams, t => t.ClientId == Initech).AccountManagerId);

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await app.DirectoryFor(DemoUsers.Alice).ListAccountTeamsAsync(new ListAccountTeamsRequest()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(async () =>
            await app.DirectoryFor(DemoUsers.Grace).ListAccountTeamsAsync(new ListAccountTeamsRequest { AfterClientId = "nope" }));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task A_machine_client_reads_the_teams_with_the_directory_scope_and_not_without_it()
    {
        var scoped = await app.DirectoryWith(Tokens.ForClient("service-requests", "clients.directory"))
            .ListAccountTeamsAsync(new ListAccountTeamsRequest { Limit = 2 });
        Assert.NotEmpty(scoped.Teams);

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await app.DirectoryWith(Tokens.ForClient("importer", "requests.import")).ListAccountTeamsAsync(new ListAccountTeamsRequest()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task The_directory_refuses_anonymous_callers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await app.DirectoryFor(null).GetClientsAsync(new GetClientsRequest { ClientIds = { Acme } }));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Access_is_answered_for_many_users_and_clients_at_once()
    {
        AccessQuery Ask(PlatformUser user, string client) => new() { UserId = user.Id, ClientId = client, Roles = { user.Roles } };
        var reply = await app.DirectoryFor(DemoUsers.Sam).CheckAccessAsync(new CheckAccessRequest
        {
            Queries =
            {
                Ask(DemoUsers.Alice, Acme), Ask(DemoUsers.Bob, Globex), Ask(DemoUsers.Mallory, Acme), Ask(DemoUsers.Bob, Initech),
                Ask(DemoUsers.Frank, Initech), Ask(DemoUsers.Grace, Initech), Ask(DemoUsers.Carol, Acme), Ask(DemoUsers.Alice, Guid.NewGuid().ToString()),
            },
        });

        Assert.Equal(
            [(true, true, true), (true, true, true), (true, false, false), (true, false, false),
             (true, true, false), (true, true, true), (true, false, false), (false, false, false)],
            reply.Answers.Select(a => (a.ClientExists, a.MayRead, a.MayAct)).ToList());
    }

    async Task<List<Guid>> SeedClientsAsync(int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
        var start = DateTimeOffset.UtcNow;
        var clients = Enumerable.Range(0, count).Select(i =>
        {
            var client = new Client
            {
                Id = Guid.NewGuid(), Name = $"Bulk client {i}", Industry = "Testing", AccountManagerId = "bulk-manager",
                RegisteredAt = start.AddMilliseconds(i),
            };
            client.Touch();
            return client;
        }).ToList();
        db.Clients.AddRange(clients);
        await db.SaveChangesAsync();
        return clients.Select(c => c.Id).ToList();
    }
}
