using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Clients.Tests;

/// <summary>The client 360's parts the clients service serves over gRPC: contacts (scoped) and the team's names.</summary>
public sealed class ProfileDirectoryTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    const string Acme = "11111111-1111-1111-1111-111111111111";
    const string Initech = "33333333-3333-3333-3333-333333333333";

    [Fact]
    public async Task Contacts_come_only_for_the_clients_the_caller_may_read()
    {
        var alice = await app.DirectoryFor(DemoUsers.Alice).GetContactsAsync(new GetContactsRequest { ClientIds = { Acme, Initech, "not-an-id" } });
        var acme = Assert.Single(alice.Clients);
        Assert.Equal(Acme, acme.ClientId);
        var wile = Assert.Single(acme.Contacts);
        Assert.Equal(("Wile E. Coyote", "Head of Procurement", "wile@acme.example", "+1 555 0100"), (wile.Name, wile.Role, wile.Email, wile.Phone));

        var bob = await app.DirectoryFor(DemoUsers.Bob).GetContactsAsync(new GetContactsRequest { ClientIds = { Acme, Initech } });
        Assert.Equal([Acme], bob.Clients.Select(c => c.ClientId));
        var grace = await app.DirectoryFor(DemoUsers.Grace).GetContactsAsync(new GetContactsRequest { ClientIds = { Acme, Initech } });
        Assert.Equal(2, grace.Clients.Count);
        var carol = await app.DirectoryFor(DemoUsers.Carol).GetContactsAsync(new GetContactsRequest { ClientIds = { Acme, Initech } });
        Assert.Empty(carol.Clients);
    }

    [Fact]
    public async Task A_team_member_is_named_as_their_token_last_named_them()
    {
        var id = $"nora-{Guid.NewGuid():N}"[..20];
        var directory = app.DirectoryFor(DemoUsers.Frank);
        Assert.Empty((await directory.GetPeopleAsync(new GetPeopleRequest { UserIds = { id } })).People);

        await app.DirectoryFor(new PlatformUser(id, "Nora Quinn", [Roles.AccountManager], [])).GetContactsAsync(new GetContactsRequest());
        Assert.Equal("Nora Quinn", Assert.Single((await directory.GetPeopleAsync(new GetPeopleRequest { UserIds = { id } })).People).Name);

        using var renamed = app.ClientFor(new PlatformUser(id, "Nora Quinn-Lee", [Roles.AccountManager], []));
        await renamed.GetAsync("/api/clients");
        var reply = await directory.GetPeopleAsync(new GetPeopleRequest { UserIds = { id, "alice", "bob", "carol" } });
        Assert.Equal(new[] { ("alice", "Alice Martin"), ("bob", "Bob Evans"), (id, "Nora Quinn-Lee") }.Order(),
            reply.People.Select(p => (p.UserId, p.Name)).Order());
    }
}
