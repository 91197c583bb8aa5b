using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>No N+1 for timelines and departments either: each level is one call to each service method it needs.</summary>
public sealed class BatchingDepartmentsAndTimelinesTests
{
    const string RequestDirectory = "clientrequests.requests.v1.RequestDirectory";
    const string ClientDirectory = "clientrequests.clients.v1.ClientDirectory";
    const string DepartmentDirectory = "clientrequests.departments.v1.DepartmentDirectory";

    [Fact]
    public async Task A_hundred_requests_with_timelines_and_every_department_with_queue_and_load_cost_one_call_per_service_per_level()
    {
        await using var gateway = await GatewayApp.StartAsync(FakeDirectories.With(clients: 30, requests: 100));
        using var grace = gateway.ClientFor(DemoUsers.Grace);

        // Two queries: together they would cross the complexity limit (the page of 100 alone costs about 1,300).
        var requests = await DataAsync(grace, """
            { requests(first: 100) { nodes { id client { name } workItems { departmentCode } timeline { kind } } } }
            """);
        var data = await DataAsync(grace, """
            {
              departments { code members { userId } queue { items { id } } load { userId load } }
              billing: department(code: "billing") { name }
              legal: department(code: "legal") { name queue { items { id } } }
            }
            """);

        var nodes = requests.GetProperty("requests").GetProperty("nodes");
        Assert.Equal(100, nodes.GetArrayLength());
        Assert.All(nodes.EnumerateArray(), n => Assert.Equal("Submitted", n.GetProperty("timeline")[0].GetProperty("kind").GetString()));
        var departments = data.GetProperty("departments");
        Assert.Equal(2, departments.GetArrayLength());
        Assert.All(departments.EnumerateArray(), d => Assert.Equal(2, d.GetProperty("queue").GetProperty("items").GetArrayLength()));
        Assert.Equal(1, departments[0].GetProperty("load")[0].GetProperty("load").GetInt32());
        Assert.Equal("Billing", data.GetProperty("billing").GetProperty("name").GetString());

        // Requests: the list, then one GetRequests (work items) and one GetTimelines for all 100 rows; no GetTimeline per row.
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/ListRequests"));
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/GetRequests"));
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/GetTimelines"));
        Assert.Equal(0, gateway.Directories.Calls($"{RequestDirectory}/GetTimeline"));
        Assert.Equal(1, gateway.Directories.CallsTo(ClientDirectory));
        // Departments: the list and both single departments in one ListDepartments; the queues under `departments` and
        // under `legal` are on the same level, so one GetQueues; the loads one GetLoads.
        Assert.Equal(1, gateway.Directories.Calls($"{DepartmentDirectory}/ListDepartments"));
        Assert.Equal(1, gateway.Directories.Calls($"{DepartmentDirectory}/GetQueues"));
        Assert.Equal(1, gateway.Directories.Calls($"{DepartmentDirectory}/GetLoads"));
        Assert.Equal(0, gateway.Directories.Calls($"{DepartmentDirectory}/GetQueue"));
    }

    static async Task<System.Text.Json.JsonElement> DataAsync(HttpClient http, string query)
    {
        var response = await http.PostQueryAsync(query);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    [Fact]
    public async Task Asking_for_a_queue_outside_ones_departments_is_forbidden_without_calling_the_service()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var carol = gateway.ClientFor(DemoUsers.Carol);

        var body = await (await carol.PostQueryAsync("""{ queue(code: "legal") { items { id } } }""")).JsonAsync();

        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, gateway.Directories.CallsTo(DepartmentDirectory));
    }
}
