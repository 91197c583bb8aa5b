using System.Net;
using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Security;

namespace Departments.Tests;

/// <summary>Agents act only in their departments, leads reassign within theirs, admins manage departments and rules.</summary>
public sealed class AuthorizationTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    [Fact]
    public async Task An_agent_cannot_see_or_work_another_departments_queue()
    {
        var legalItem = await App.QueueWorkItemAsync("legal");
        using var carol = App.ClientFor(DemoUsers.Carol);
        await (await carol.GetAsync("/api/departments/legal/queue")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await carol.GetAsync($"/api/departments/legal/queue/{legalItem}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await carol.ActAsync("legal", legalItem, "claim")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await carol.GetAsync("/api/departments/legal/load")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Roles_without_queue_work_are_refused_and_callers_without_a_token_are_401()
    {
        var item = await App.QueueWorkItemAsync("billing");
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(DemoUsers.Frank).ActAsync("billing", item, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(DemoUsers.Alice).GetAsync("/api/departments/billing/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().ActAsync("billing", item, "claim")).StatusCode);
        // An admin who is no member of the department does not take its work items.
        var problem = await (await App.ClientFor(DemoUsers.Grace).ActAsync("billing", item, "claim")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("member", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_lead_reassigns_within_the_department_and_nobody_else_may()
    {
        var (holder, other) = (await App.NewAgentAsync("billing"), await App.NewAgentAsync("billing"));
        var lead = await App.NewAgentAsync("billing", role: Roles.DepartmentLead);
        var item = await App.QueueWorkItemAsync("billing");
        (await App.ClientFor(holder).ActAsync("billing", item, "claim")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(other).ActAsync("billing", item, "reassign", new { userId = other.Id })).StatusCode);
        var reassigned = await (await App.ClientFor(lead).ActAsync("billing", item, "reassign", new { userId = other.Id })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(other.Id, reassigned.GetProperty("claimedBy").GetString());
        Assert.Contains("not a member", await (await App.ClientFor(lead).ActAsync("billing", item, "reassign", new { userId = DemoUsers.Erin.Id })).FieldErrorAsync("userId"));

        // A lead of billing is only an outsider in legal.
        var legalItem = await App.QueueWorkItemAsync("legal");
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(lead).ActAsync("legal", legalItem, "reassign", new { userId = DemoUsers.Erin.Id })).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_departments_members_and_rules()
    {
        foreach (var user in new[] { DemoUsers.Carol, DemoUsers.Dave, DemoUsers.Frank, DemoUsers.Alice })
        {
            using var client = App.ClientFor(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/departments", new { code = "x", name = "X" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/departments/billing/members/zed", new { name = "Zed" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/departments/routing-rules",
                new { name = "x", order = 99, targetDepartments = new[] { "billing" } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/departments/billing")).StatusCode);
        }
        // Everyone signed in may read the rules.
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor(DemoUsers.Frank).GetAsync("/api/departments/routing-rules")).StatusCode);
    }
}
