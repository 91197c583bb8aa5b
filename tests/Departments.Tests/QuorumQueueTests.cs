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
        await using var app = await DepartmentsApp.StartAsync(new Dictionary<string, string?> { ["Messaging:QuorumQueues"] = "true" });
        Assert.Equal("quorum", await QueueTypeAsync(app.VirtualHost, "department-billing"));

        (await app.ClientFor(DemoUsers.Grace).PostAsJsonAsync("/api/departments", new { code = "quality", name = "Quality", mode = "managed" })).EnsureSuccessStatusCode();
        Assert.Equal("quorum", await QueueTypeAsync(app.VirtualHost, "department-quality"));
        var id = await app.QueueWorkItemAsync("quality");
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Without_the_setting_department_queues_are_classic_durable_queues()
    {
        await using var app = await DepartmentsApp.StartAsync();
        Assert.Equal("classic", await QueueTypeAsync(app.VirtualHost, "department-billing"));
    }
}
