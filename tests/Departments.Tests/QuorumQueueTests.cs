using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Departments.Tests;

public sealed class QuorumQueueTests
{
    static async Task<string?> QueueTypeAsync(string virtualHost, string queue)
    {
        var broker = await TestBroker.Shared;
        using var http = Management.Client(broker.ManagementUri);
        var json = await http.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");
        return json.GetProperty("type").GetString();
    }

    [Fact]
    public async Task With_quorum_queues_on_department_queues_are_declared_as_quorum_queues_also_when_created_at_run_time()
    {
        var broker = await TestBroker.Shared;
        await using var app = await DepartmentsApp.StartAsync(new Dictionary<string, string?> { ["Messaging:QuorumQueues"] = "true" });
        Assert.Equal("quorum", await QueueTypeAsync(app.VirtualHost, "department-billing"));

        (await app.ClientFor(DemoUsers.Grace).PostAsJsonAsync("/api/departments", new { code = "quality", name = "Quality", mode = "managed" })).EnsureSuccessStatusCode();
        Assert.Equal("quorum", await QueueTypeAsync(app.VirtualHost, "department-quality"));
        (await app.ClientFor(DemoUsers.Grace).PostAsJsonAsync("/api/departments", new { code = "mainframe", name = "Mainframe", mode = "external" })).EnsureSuccessStatusCode();
        Assert.Equal("quorum", await QueueTypeAsync(app.VirtualHost, "department-mainframe"));

        // Senders reach quorum queues through their exchanges: a work item still arrives, and a hand-over still leaves.
        var id = await app.QueueWorkItemAsync("quality");
        var agent = await app.NewAgentAsync("quality");
        using var client = app.ClientFor(agent);
        (await client.ActAsync("quality", id, "claim")).EnsureSuccessStatusCode();
        var item = await (await client.ActAsync("quality", id, "hand-over", new { toDepartmentCode = "mainframe" })).JsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal("HandedOver", item.GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => await Management.QueueDepthAsync(broker.ManagementUri, app.VirtualHost, "department-mainframe") == 1,
            "the hand-over in department-mainframe");
    }

    [Fact]
    public async Task Without_the_setting_department_queues_are_classic_durable_queues()
    {
        await using var app = await DepartmentsApp.StartAsync();
        Assert.Equal("classic", await QueueTypeAsync(app.VirtualHost, "department-billing"));
    }
}
