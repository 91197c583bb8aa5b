using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>Bad input through the gateway: a ProblemDetails naming the field, never a 500, nothing recorded.</summary>
public sealed class BadInputTests(PlatformFixture fixture)
{
    static object Valid(Guid clientId, string? departments = null) => new
    {
        clientId,
        type = "billing",
        priority = "P2",
        title = "A title",
        description = "A description",
        departments = departments is null ? null : new[] { departments },
    };

    [Fact]
    public async Task Missing_and_malformed_fields_are_named_in_a_400()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);

        var missing = await alice.PostAsJsonAsync("api/requests", new { clientId = DemoClients.Acme, type = "billing", priority = "P9" });
        var problem = await AssertProblemAsync(missing, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("priority", out _));

        var wrongType = await alice.PostAsync("api/requests",
            new StringContent("""{"clientId":"not-a-guid","type":"billing"}""", Encoding.UTF8, "application/json"));
        problem = await AssertProblemAsync(wrongType, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("clientId", out _), problem.ToString());

        var notJson = await alice.PostAsync("api/requests", new StringContent("{", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(notJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_client_or_another_teams_client_is_not_found()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        await AssertProblemAsync(await alice.PostAsJsonAsync("api/requests", Valid(Guid.NewGuid())), HttpStatusCode.NotFound);
        // Initech is Mallory's client: Alice learns nothing about it.
        await AssertProblemAsync(await alice.PostAsJsonAsync("api/requests", Valid(DemoClients.Initech)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_department_is_named_in_a_400()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var problem = await AssertProblemAsync(await alice.PostAsJsonAsync("api/requests", Valid(DemoClients.Acme, "astrology")), HttpStatusCode.BadRequest);
        Assert.Contains("astrology", problem.GetProperty("errors").GetProperty("departments")[0].GetString());
    }

    [Fact]
    public async Task Callers_without_a_token_or_the_role_are_refused()
    {
        using var anonymous = fixture.Platform.GatewayClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/requests", Valid(DemoClients.Acme))).StatusCode);

        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.PostAsJsonAsync("api/requests", Valid(DemoClients.Acme))).StatusCode);
        // An agent of billing does not see legal's queue.
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync("api/departments/legal/queue")).StatusCode);
    }

    static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
