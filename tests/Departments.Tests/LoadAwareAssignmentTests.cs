using System.Net;
using System.Net.Http.Json;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Departments.Tests;

/// <summary>A load-aware department offers its queue to its members through the real queue and database.</summary>
public sealed class LoadAwareAssignmentTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    [Fact]
    public async Task Items_go_to_the_least_loaded_members_wait_at_capacity_and_are_offered_when_capacity_frees()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var code = $"load-{Guid.NewGuid():N}"[..14];
        (await grace.PostAsJsonAsync("/api/departments", new { code, name = "Balanced", mode = "managed", loadAware = true })).EnsureSuccessStatusCode();
        var ann = await App.NewAgentAsync(code, capacity: 2);
        var ben = await App.NewAgentAsync(code, capacity: 2);

        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await App.SendWorkItemAsync(code));
        async Task<List<WorkItem>> ItemsAsync() => await App.QueryAsync(db => db.WorkItems.AsNoTracking().Where(i => i.DepartmentCode == code).ToListAsync());
        await Eventually.TrueAsync(async () => (await ItemsAsync()).Count(i => i.Status == WorkItemStatus.Claimed) == 4, "four items assigned");

        var items = await ItemsAsync();
        Assert.Equal(2, items.Count(i => i.ClaimedBy == ann.Id));
        Assert.Equal(2, items.Count(i => i.ClaimedBy == ben.Id));
        var waiting = Assert.Single(items, i => i.Status == WorkItemStatus.Queued);

        var done = items.First(i => i.ClaimedBy == ben.Id);
        (await App.ClientFor(ben).ActAsync(code, done.Id, "complete", new { resolutionNote = "Done" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await ItemsAsync()).Single(i => i.Id == waiting.Id).ClaimedBy == ben.Id, "the waiting item offered to ben");

        var load = await (await App.ClientFor(ann).GetAsync($"/api/departments/{code}/load")).JsonAsync(HttpStatusCode.OK);
        Assert.All(load.EnumerateArray(), member => Assert.Equal(2, member.GetProperty("load").GetInt32()));
    }
}
