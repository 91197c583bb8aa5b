using System.Net;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace Departments.Tests;

/// <summary>Listing a queue by status, age and SLA risk, a keyset page at a time.</summary>
public sealed class QueueListingTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Pages_follow_the_cursor_oldest_first_or_soonest_due_first_and_filter_by_status()
    {
        var code = $"list-{Guid.NewGuid():N}"[..14];
        (await App.ClientFor(DemoUsers.Grace).PostAsync("/api/departments",
            JsonContent(new { code, name = "Listing", mode = "managed", opensAt = "00:00:00", closesAt = "23:59:00",
                workDays = Enum.GetNames<DayOfWeek>() }))).EnsureSuccessStatusCode();
        var low = await App.QueueWorkItemAsync(code, "P4");
        var normal = await App.QueueWorkItemAsync(code, "P3");
        var urgent = await App.QueueWorkItemAsync(code, "P1");
        var agent = await App.NewAgentAsync(code);
        using var client = App.ClientFor(agent);
        (await client.ActAsync(code, normal, "claim")).EnsureSuccessStatusCode();

        var first = await (await client.GetAsync($"/api/departments/{code}/queue?limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([low, normal], Ids(first));
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await client.GetAsync($"/api/departments/{code}/queue?limit=2&after={cursor}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([urgent], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var bySla = await (await client.GetAsync($"/api/departments/{code}/queue?sort=sla&limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([urgent, normal], Ids(bySla));
        var bySlaNext = await (await client.GetAsync($"/api/departments/{code}/queue?sort=sla&limit=2&after={bySla.GetProperty("nextCursor").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([low], Ids(bySlaNext));

        var queued = await (await client.GetAsync($"/api/departments/{code}/queue?status=queued")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([low, urgent], Ids(queued));
        // Nothing is at risk yet: the most urgent target is hours away.
        var atRisk = await (await client.GetAsync($"/api/departments/{code}/queue?atRisk=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(Ids(atRisk));
    }

    [Fact]
    public async Task At_risk_lists_only_the_open_items_past_three_quarters_of_their_target()
    {
        var (late, onTime, closedLate) = (await App.QueueWorkItemAsync("legal"), await App.QueueWorkItemAsync("legal"), await App.QueueWorkItemAsync("legal"));
        // Time cannot be hurried through the API: move the deadlines of two items into the past instead.
        await App.QueryAsync(async db =>
        {
            foreach (var item in db.WorkItems.Where(i => i.Id == late || i.Id == closedLate))
                (item.AtRiskAt, item.DueAt) = (DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1));
            db.WorkItems.Single(i => i.Id == closedLate).Status = ClientRequests.Departments.Domain.WorkItemStatus.Rejected;
            return await db.SaveChangesAsync();
        });

        using var erin = App.ClientFor(DemoUsers.Erin);
        var atRisk = await (await erin.GetAsync("/api/departments/legal/queue?atRisk=true&limit=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([late], Ids(atRisk));
        Assert.True(atRisk.GetProperty("items")[0].GetProperty("atRisk").GetBoolean());
        var all = await (await erin.GetAsync("/api/departments/legal/queue?limit=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(onTime, Ids(all));
    }

    [Fact]
    public async Task Wrong_list_parameters_are_400s_naming_the_parameter()
    {
        using var carol = App.ClientFor(DemoUsers.Carol);
        await (await carol.GetAsync("/api/departments/billing/queue?status=sleeping")).FieldErrorAsync("status");
        await (await carol.GetAsync("/api/departments/billing/queue?sort=mood")).FieldErrorAsync("sort");
        await (await carol.GetAsync("/api/departments/billing/queue?after=nonsense")).FieldErrorAsync("after");
        await (await carol.GetAsync("/api/departments/billing/queue?limit=5000")).FieldErrorAsync("limit");
        await (await App.ClientFor(DemoUsers.Grace).GetAsync("/api/departments/astrology/queue")).ProblemAsync(HttpStatusCode.NotFound);
    }

    static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
}
