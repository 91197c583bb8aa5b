using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Clients.Tests;

/// <summary>Who may act for whom: a foreign team or a lower role gets 403/404 and learns nothing.</summary>
public sealed class AccessTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    const string Acme = "11111111-1111-1111-1111-111111111111";
    static readonly PlatformUser Zoe = new("zoe", "Zoe Lone", [Roles.AccountExecutive], []);

    public static TheoryData<string> AcmeReads => new()
    {
        $"/api/clients/{Acme}", $"/api/clients/{Acme}/contacts", $"/api/clients/{Acme}/team", $"/api/clients/{Acme}/health",
    };

    [Theory]
    [MemberData(nameof(AcmeReads))]
    public async Task Another_managers_client_does_not_exist_for_a_foreign_manager(string url)
    {
        var response = await app.ClientFor(DemoUsers.Mallory).GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Acme", problem.GetRawText());
        Assert.DoesNotContain("alice", problem.GetRawText());
    }

    [Fact]
    public async Task A_foreign_manager_cannot_change_the_client_or_its_contacts()
    {
        var http = app.ClientFor(DemoUsers.Mallory);
        await (await http.PutJsonAsync($"/api/clients/{Acme}", new { name = "Mine now", industry = "x", version = 1 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await http.PostJsonAsync($"/api/clients/{Acme}/contacts", new { name = "Spy" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await http.PutJsonAsync($"/api/clients/{Acme}/account-manager", new { accountManagerId = "mallory" })).ProblemAsync(HttpStatusCode.NotFound);

        var list = await (await http.GetAsync("/api/clients?limit=200")).ReadAsync<PageOf<ClientSummaryDto>>();
        Assert.DoesNotContain(list.Items, c => c.AccountManagerId != "mallory");
    }

    [Fact]
    public async Task An_analyst_reads_every_client_but_changes_nothing()
    {
        var http = app.ClientFor(DemoUsers.Frank);
        var acme = await (await http.GetAsync($"/api/clients/{Acme}")).ReadAsync<ClientDto>();

        await (await http.PutJsonAsync($"/api/clients/{Acme}", new { name = acme.Name, industry = acme.Industry, version = acme.Version }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.PostJsonAsync("/api/clients", new { name = "Analyst Co", industry = "x", accountManagerId = "frank" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.PostJsonAsync($"/api/clients/{Acme}/contacts", new { name = "Someone" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Department_staff_and_anonymous_callers_cannot_read_clients()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(DemoUsers.Carol).GetAsync("/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(DemoUsers.Dave).GetAsync($"/api/clients/{Acme}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/clients")).StatusCode);
    }

    [Fact]
    public async Task An_executive_acts_for_the_managers_clients_but_does_not_change_the_team()
    {
        var http = app.ClientFor(DemoUsers.Bob);
        await (await http.PutJsonAsync($"/api/clients/{Acme}/account-manager", new { accountManagerId = "bob" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.PutJsonAsync("/api/clients/account-executives/zoe", new { managerId = "alice" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.DeleteAsync("/api/clients/account-executives/bob")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_executive_who_reports_to_nobody_sees_nothing_and_cannot_register()
    {
        var http = app.ClientFor(Zoe);
        var list = await (await http.GetAsync("/api/clients")).ReadAsync<PageOf<ClientSummaryDto>>();
        Assert.Empty(list.Items);
        await (await http.GetAsync($"/api/clients/{Acme}")).ProblemAsync(HttpStatusCode.NotFound);

        await (await http.PostJsonAsync("/api/clients", new { name = "Lonely Ltd", industry = "Retail" }))
            .ProblemAsync(HttpStatusCode.Conflict, "accountManagerId");
    }

    [Fact]
    public async Task A_manager_cannot_register_into_another_book_or_poach_an_executive()
    {
        var http = app.ClientFor(DemoUsers.Mallory);
        await (await http.PostJsonAsync("/api/clients", new { name = "Sneaky", industry = "x", accountManagerId = "alice" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.PutJsonAsync("/api/clients/account-executives/bob", new { managerId = "mallory" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await http.DeleteAsync("/api/clients/account-executives/bob")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manager_takes_on_an_unassigned_executive_who_then_sees_the_book()
    {
        var executive = new PlatformUser("yuri", "Yuri Gagarin", [Roles.AccountExecutive], []);
        var response = await app.ClientFor(DemoUsers.Mallory).PutJsonAsync("/api/clients/account-executives/yuri", new { managerId = "mallory" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var list = await (await app.ClientFor(executive).GetAsync("/api/clients")).ReadAsync<PageOf<ClientSummaryDto>>();
        Assert.Contains(list.Items, c => c.Name == "Initech");
        Assert.All(list.Items, c => Assert.Equal("mallory", c.AccountManagerId));

        Assert.Equal(HttpStatusCode.NoContent, (await app.ClientFor(DemoUsers.Mallory).DeleteAsync("/api/clients/account-executives/yuri")).StatusCode);
        Assert.Empty((await (await app.ClientFor(executive).GetAsync("/api/clients")).ReadAsync<PageOf<ClientSummaryDto>>()).Items);
    }
}
