using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClientRequests.Requests.Apis;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>Intake integrations can trust: Idempotency-Key on POST and an NDJSON import idempotent per external reference.</summary>
public sealed class IntakeApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    static HttpRequestMessage Post(object body, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body) };
        if (key is not null) message.Headers.Add("Idempotency-Key", key);
        return message;
    }

    [Fact]
    public async Task The_same_key_and_body_return_the_original_response_and_open_one_request()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var key = Guid.NewGuid().ToString();
        var body = Body(externalReference: $"IDEM-{key}");

        var first = await alice.SendAsync(Post(body, key));
        var second = await alice.SendAsync(Post(body, key));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Requests.CountAsync(r => r.ExternalReference == $"IDEM-{key}")));
    }

    [Fact]
    public async Task A_dependency_that_is_down_is_a_503_with_Retry_After_and_records_nothing()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var reference = $"DOWN-{Guid.NewGuid()}";

        var response = await alice.SendAsync(Post(Body(externalReference: reference, departments: [FakeDepartmentRouting.Offline]), key: null));

        await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, await App.QueryAsync(db => db.Requests.CountAsync(r => r.ExternalReference == reference)));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_records_nothing()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await alice.SendAsync(Post(Body(externalReference: $"A-{key}"), key))).StatusCode);

        var problem = await ProblemAsync(await alice.SendAsync(Post(Body(externalReference: $"B-{key}"), key)), (HttpStatusCode)422);

        Assert.Equal("Idempotency-Key", problem.GetProperty("field").GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Requests.CountAsync(r => r.ExternalReference == $"B-{key}")));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_and_an_oversized_key_is_named()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var bob = App.ClientFor(DemoUsers.Bob);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await alice.SendAsync(Post(Body(), key))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bob.SendAsync(Post(Body(type: "need"), key))).StatusCode);

        var problem = await ProblemAsync(await alice.SendAsync(Post(Body(), new string('k', 101))), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task An_import_reports_each_line_and_importing_it_again_opens_nothing_twice()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var batch = Guid.NewGuid().ToString("N")[..8];
        var lines = string.Join("\n",
            Line($"{batch}-1"),
            "",
            Line($"{batch}-2", type: "contract-change"),
            """{"clientId":"not-a-guid"}""",
            Line(null),
            Line($"{batch}-3", clientId: TestClients.Initech),
            Line($"{batch}-4", type: "astrology"));

        var first = await ImportAsync(alice, lines);
        Assert.Equal([(1, "created"), (3, "created"), (4, "invalid"), (5, "invalid"), (6, "not-found"), (7, "invalid")],
            first.Lines.Select(l => (l.Line, l.Outcome)));
        Assert.True(first.Lines[2].Errors!.ContainsKey("clientId"));
        Assert.True(first.Lines[3].Errors!.ContainsKey("externalReference"));
        Assert.True(first.Lines[5].Errors!.ContainsKey("type"));
        Assert.Equal((2, 0, 4), (first.Created, first.Existing, first.Failed));

        var again = await ImportAsync(alice, lines);
        Assert.Equal((0, 2), (again.Created, again.Existing));
        Assert.Equal(first.Lines[0].RequestId, again.Lines[0].RequestId);
        Assert.Equal(2, await App.QueryAsync(db => db.Requests.CountAsync(r => r.ExternalReference!.StartsWith(batch))));
    }

    static string Line(string? reference, string type = "billing", Guid? clientId = null) =>
        System.Text.Json.JsonSerializer.Serialize(Body(type, clientId, reference));

    static async Task<ImportReport> ImportAsync(HttpClient client, string ndjson)
    {
        var response = await client.PostAsync("/api/requests/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>())!;
    }
}
