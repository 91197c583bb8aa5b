using System.Net;
using System.Text;
using ClientRequests.ServiceDefaults.Security;

namespace Clients.Tests;

/// <summary>Bad input is answered with a ProblemDetails naming the field, never a 500.</summary>
public sealed class ValidationTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    const string Acme = "11111111-1111-1111-1111-111111111111";

    [Fact]
    public async Task A_duplicate_name_in_the_same_book_is_a_conflict_whatever_its_case()
    {
        var response = await app.ClientFor(DemoUsers.Alice).PostJsonAsync("/api/clients", new { name = "  acme CORPORATION ", industry = "x" });
        await response.ProblemAsync(HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task The_same_name_in_another_book_is_allowed()
    {
        var response = await app.ClientFor(DemoUsers.Mallory).PostJsonAsync("/api/clients", new { name = "Globex", industry = "Energy" });
        var created = await response.ReadAsync<ClientDto>(HttpStatusCode.Created);
        Assert.Equal("mallory", created.AccountManagerId);
    }

    [Theory]
    [InlineData("""{"industry":"x"}""", "name")]
    [InlineData("""{"name":"A","industry":"x","tier":"gold"}""", "tier")]
    [InlineData("""{"name":"A","industry":"x","status":"1"}""", "status")]
    [InlineData("""{"name":"A","industry":"x","contacts":[{"name":"C","email":"not-an-address"}]}""", "contacts[0].email")]
    [InlineData("""{"name":"A","industry":"x","contacts":[{"email":"c@example.com"}]}""", "contacts[0].name")]
    [InlineData("""{"name":"A","industry":7}""", "industry")]
    public async Task Bad_registrations_name_the_field(string json, string field)
    {
        var response = await app.ClientFor(DemoUsers.Alice).PostAsync("/api/clients", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_admin_must_name_the_account_manager_and_it_must_not_be_an_executive()
    {
        var http = app.ClientFor(DemoUsers.Grace);
        await (await http.PostJsonAsync("/api/clients", new { name = "Hooli", industry = "Tech" })).ProblemAsync(HttpStatusCode.BadRequest, "accountManagerId");
        await (await http.PostJsonAsync("/api/clients", new { name = "Hooli", industry = "Tech", accountManagerId = "bob" })).ProblemAsync(HttpStatusCode.BadRequest, "accountManagerId");
        await (await http.PostJsonAsync("/api/clients", new { name = "Hooli", industry = "Tech", accountManagerId = "mallory" })).ReadAsync<ClientDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_invalid_contact_email_is_rejected_on_its_own_route()
    {
        var response = await app.ClientFor(DemoUsers.Alice).PostJsonAsync($"/api/clients/{Acme}/contacts", new { name = "X", email = "x@" });
        await response.ProblemAsync(HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var http = app.ClientFor(DemoUsers.Grace);
        await (await http.GetAsync($"/api/clients/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await http.PutJsonAsync($"/api/clients/{Acme}/contacts/{Guid.NewGuid()}", new { name = "Nobody" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await http.DeleteAsync("/api/clients/account-executives/nobody-at-all")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_without_a_version_names_the_field()
    {
        var response = await app.ClientFor(DemoUsers.Alice).PutJsonAsync($"/api/clients/{Acme}", new { name = "Acme Corporation", industry = "Manufacturing" });
        await response.ProblemAsync(HttpStatusCode.BadRequest, "version");
    }

    [Theory]
    [InlineData("after=garbage", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("tier=platinum", "tier")]
    public async Task Bad_list_parameters_name_the_parameter(string query, string field)
    {
        var response = await app.ClientFor(DemoUsers.Alice).GetAsync($"/api/clients?{query}");
        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_executive_cannot_be_made_to_report_to_another_executive()
    {
        var response = await app.ClientFor(DemoUsers.Grace).PutJsonAsync("/api/clients/account-executives/xavier", new { managerId = "bob" });
        await response.ProblemAsync(HttpStatusCode.BadRequest, "managerId");
    }

    [Fact]
    public async Task Registrations_of_one_name_at_once_give_one_client_and_conflicts_for_the_rest()
    {
        var http = app.ClientFor(DemoUsers.Alice);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => http.PostJsonAsync("/api/clients", new { name = "Race Corp", industry = "Racing" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}
