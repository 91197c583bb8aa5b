using System.Net;
using System.Net.Http.Json;
using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Net.Client;

namespace Departments.Tests;

/// <summary>Admins change departments, members and routing rules at run time; routing and queues follow without a restart.</summary>
public sealed class AdministrationTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    static string NewCode() => $"dept-{Guid.NewGuid():N}"[..16];

    async Task<ResolveRouteReply> ResolveAsync(string type)
    {
        using var channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        var headers = new Grpc.Core.Metadata { { "Authorization", $"Bearer {ClientRequests.TestKit.Tokens.For(DemoUsers.Alice)}" } };
        return await new DepartmentRouting.DepartmentRoutingClient(channel).ResolveAsync(
            new ResolveRouteRequest { RequestType = type, Priority = "P2", ClientTier = "standard" }, headers);
    }

    [Fact]
    public async Task A_managed_department_created_at_run_time_consumes_its_queue_without_a_restart()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var code = NewCode();
        var created = await (await grace.PostAsJsonAsync("/api/departments", new { code, name = "Returns", mode = "managed", timeZone = "Europe/Paris" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"department-{code}", created.GetProperty("queue").GetString());

        var id = await App.QueueWorkItemAsync(code);
        using var agent = App.ClientFor(await App.NewAgentAsync(code));
        var page = await (await agent.GetAsync($"/api/departments/{code}/queue")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_routing_rule_added_through_the_api_routes_the_next_request_and_a_department_it_targets_cannot_be_deleted()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var code = NewCode();
        (await grace.PostAsJsonAsync("/api/departments", new { code, name = "Audits", mode = "managed" })).EnsureSuccessStatusCode();
        var type = $"audit-{Guid.NewGuid():N}";
        Assert.Equal("default", (await ResolveAsync(type)).MatchedRule);

        var rule = await (await grace.PostAsJsonAsync("/api/departments/routing-rules",
            new { name = $"Audits {type}", order = Random.Shared.Next(1000, 1_000_000), requestType = type, targetDepartments = new[] { code } })).JsonAsync(HttpStatusCode.Created);
        var routed = await ResolveAsync(type);
        Assert.Equal($"Audits {type}", routed.MatchedRule);
        Assert.Equal(code, Assert.Single(routed.Departments).Code);

        var refused = await (await grace.DeleteAsync($"/api/departments/{code}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(type, refused.GetProperty("detail").GetString());
        (await grace.DeleteAsync($"/api/departments/routing-rules/{rule.GetProperty("id").GetInt32()}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await grace.DeleteAsync($"/api/departments/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grace.GetAsync($"/api/departments/{code}")).StatusCode);
    }

    [Fact]
    public async Task Rules_targeting_unknown_departments_or_that_can_never_match_are_refused_naming_the_field()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        Assert.Contains("'astrology'", await (await grace.PostAsJsonAsync("/api/departments/routing-rules",
            new { name = "Stars", order = 7001, requestType = "horoscope", targetDepartments = new[] { "astrology" } })).FieldErrorAsync("targetDepartments"));
        // The demo rule "Billing questions go to billing" (order 20) already takes every billing request.
        Assert.Contains("can never match", await (await grace.PostAsJsonAsync("/api/departments/routing-rules",
            new { name = "Urgent billing", order = 7002, requestType = "billing", priority = "P1", targetDepartments = new[] { "legal" } })).FieldErrorAsync("order"));
        Assert.Contains("order", await (await grace.PostAsJsonAsync("/api/departments/routing-rules",
            new { name = "No order", requestType = "x", targetDepartments = new[] { "legal" } })).FieldErrorAsync("order"));
    }

    [Fact]
    public async Task Department_and_member_input_is_validated_field_by_field()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var response = await grace.PostAsJsonAsync("/api/departments", new { code = "Bad Code!", name = "", mode = "outsourced", timeZone = "Mars/Olympus" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "code", "name", "mode", "timeZone" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");

        Assert.Equal(HttpStatusCode.Conflict, (await grace.PostAsJsonAsync("/api/departments", new { code = "billing", name = "Billing again" })).StatusCode);
        Assert.Contains("default", (await (await grace.DeleteAsync("/api/departments/support")).ProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Contains("capacity", await (await grace.PutAsJsonAsync("/api/departments/billing/members/zoe", new { name = "Zoe", capacity = 0 })).FieldErrorAsync("capacity"));
        Assert.Equal(HttpStatusCode.NotFound, (await grace.PutAsJsonAsync("/api/departments/astrology/members/zoe", new { name = "Zoe" })).StatusCode);
    }

    [Fact]
    public async Task Members_are_added_changed_and_removed_and_one_holding_work_cannot_be_removed()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var code = NewCode();
        (await grace.PostAsJsonAsync("/api/departments", new { code, name = "Payroll", mode = "managed" })).EnsureSuccessStatusCode();
        (await grace.PutAsJsonAsync($"/api/departments/{code}/members/zoe", new { name = "Zoe", skills = new[] { "payroll" }, capacity = 3 })).EnsureSuccessStatusCode();
        var zoe = new PlatformUser("zoe", "Zoe", [Roles.DepartmentAgent], [code]);
        using var zoeClient = App.ClientFor(zoe);
        var id = await App.QueueWorkItemAsync(code);
        (await zoeClient.ActAsync(code, id, "claim")).EnsureSuccessStatusCode();

        await (await grace.DeleteAsync($"/api/departments/{code}/members/zoe")).ProblemAsync(HttpStatusCode.Conflict);
        (await zoeClient.ActAsync(code, id, "complete", new { resolutionNote = "Paid" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await grace.DeleteAsync($"/api/departments/{code}/members/zoe")).StatusCode);
        var department = await (await grace.GetAsync($"/api/departments/{code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, department.GetProperty("members").GetArrayLength());
    }
}
