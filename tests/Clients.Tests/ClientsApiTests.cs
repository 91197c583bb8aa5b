using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Clients.Tests;

public sealed class ClientsApiTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    static readonly Guid Acme = Guid.Parse("11111111-1111-1111-1111-111111111111");
    static readonly Guid Initech = Guid.Parse("33333333-3333-3333-3333-333333333333");

    [Fact]
    public async Task A_manager_lists_only_the_clients_in_their_book()
    {
        var page = await (await app.ClientFor(DemoUsers.Alice).GetAsync("/api/clients")).ReadAsync<PageOf<ClientSummaryDto>>();

        Assert.Contains(page.Items, c => c.Name == "Acme Corporation");
        Assert.Contains(page.Items, c => c.Name == "Globex");
        Assert.All(page.Items, c => Assert.Equal("alice", c.AccountManagerId));
    }

    [Fact]
    public async Task An_executive_sees_the_clients_of_the_manager_they_report_to()
    {
        var page = await (await app.ClientFor(DemoUsers.Bob).GetAsync("/api/clients")).ReadAsync<PageOf<ClientSummaryDto>>();

        Assert.Contains(page.Items, c => c.Id == Acme);
        Assert.DoesNotContain(page.Items, c => c.Id == Initech);
    }

    [Fact]
    public async Task The_list_pages_by_cursor_without_repeating_or_skipping()
    {
        var http = app.ClientFor(DemoUsers.Grace);
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await http.GetAsync($"/api/clients?limit=1{(cursor is null ? "" : $"&after={cursor}")}")).ReadAsync<PageOf<ClientSummaryDto>>();
            Assert.True(page.Items.Count <= 1);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        var all = await (await http.GetAsync("/api/clients?limit=200")).ReadAsync<PageOf<ClientSummaryDto>>();
        Assert.Equal(all.Items.Select(c => c.Id), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count >= 3);
    }

    [Fact]
    public async Task A_client_is_read_with_its_contacts_and_team()
    {
        var client = await (await app.ClientFor(DemoUsers.Alice).GetAsync($"/api/clients/{Acme}")).ReadAsync<ClientDto>();

        Assert.Equal(("Acme Corporation", "strategic", "active"), (client.Name, client.Tier, client.Status));
        Assert.Equal(["bob"], client.AccountExecutiveIds);
        Assert.Contains(client.Contacts, c => c.Email == "wile@acme.example");
    }

    [Fact]
    public async Task A_manager_registers_and_updates_a_client_in_their_book()
    {
        var http = app.ClientFor(DemoUsers.Mallory);
        var created = await (await http.PostJsonAsync("/api/clients", new
        {
            name = "Umbrella", industry = "Pharma", tier = "key",
            contacts = new[] { new { name = "Albert Wesker", role = "Security", email = "albert@umbrella.example" } },
        })).ReadAsync<ClientDto>(HttpStatusCode.Created);
        Assert.Equal(("mallory", "key", "prospect", 1), (created.AccountManagerId, created.Tier, created.Status, created.Version));
        Assert.Single(created.Contacts);

        var updated = await (await http.PutJsonAsync($"/api/clients/{created.Id}", new
        {
            name = "Umbrella Corporation", industry = "Pharma", tier = "strategic", status = "active", notes = "Handle with care", version = created.Version,
        })).ReadAsync<ClientDto>();
        Assert.Equal(("Umbrella Corporation", "strategic", "active", 2), (updated.Name, updated.Tier, updated.Status, updated.Version));

        var stale = await http.PutJsonAsync($"/api/clients/{created.Id}", new { name = "Umbrella", industry = "Pharma", version = created.Version });
        await stale.ProblemAsync(HttpStatusCode.Conflict, "version");
    }

    [Fact]
    public async Task Contacts_are_added_changed_and_removed()
    {
        var http = app.ClientFor(DemoUsers.Bob);
        var added = await (await http.PostJsonAsync($"/api/clients/{Acme}/contacts", new { name = "Road Runner", email = "beep@acme.example" }))
            .ReadAsync<ContactDto>(HttpStatusCode.Created);

        var changed = await (await http.PutJsonAsync($"/api/clients/{Acme}/contacts/{added.Id}", new { name = "Road Runner", role = "Tester", phone = "+1 555 0199" }))
            .ReadAsync<ContactDto>();
        Assert.Equal(("Tester", null, "+1 555 0199"), (changed.Role, changed.Email, changed.Phone));

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/clients/{Acme}/contacts/{added.Id}")).StatusCode);
        var contacts = await (await http.GetAsync($"/api/clients/{Acme}/contacts")).ReadAsync<List<ContactDto>>();
        Assert.DoesNotContain(contacts, c => c.Id == added.Id);
        await (await http.DeleteAsync($"/api/clients/{Acme}/contacts/{added.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_open_api_document_describes_the_clients_routes()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/clients/{id}", document);
    }
}
