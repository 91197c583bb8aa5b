using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// One agent per managed department works its queue through the gateway while the faults happen: each pass moves
/// every item it sees one step on (claim, start, complete), so progress events flow all through the run.
/// Failed steps (the platform is down, a 409) are simply tried again on a later pass, as a person would.
/// </summary>
public sealed class DepartmentAgents : IAsyncDisposable
{
    static readonly (PlatformUser Agent, string Department)[] Staff =
        [(DemoUsers.Carol, "billing"), (DemoUsers.Erin, "legal"), (DemoUsers.Sam, "support")];

    readonly CancellationTokenSource stop = new();
    readonly Task[] loops;
    int steps;
    int failedSteps;

    public DepartmentAgents(Platform platform) =>
        loops = Staff.Select(s => Task.Run(() => WorkAsync(platform.GatewayClient(s.Agent), s.Department))).ToArray();

    public int Steps => steps;
    public int FailedSteps => failedSteps;

    async Task WorkAsync(HttpClient agent, string department)
    {
        using (agent)
        {
            agent.Timeout = TimeSpan.FromSeconds(10);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Furthest along first, so held items free the agent's capacity before new ones are claimed.
                    await AdvanceAsync(agent, department, "InProgress", "complete", new { resolutionNote = "Done under chaos." });
                    await AdvanceAsync(agent, department, "Claimed", "start", new { });
                    await AdvanceAsync(agent, department, "Queued", "claim", new { });
                    await Task.Delay(300, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
                {
                    Interlocked.Increment(ref failedSteps);
                    try { await Task.Delay(500, stop.Token); } catch (OperationCanceledException) { return; }
                }
            }
        }
    }

    async Task AdvanceAsync(HttpClient agent, string department, string status, string step, object body)
    {
        using var response = await agent.GetAsync($"api/departments/{department}/queue?status={status}&limit=10", stop.Token);
        if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref failedSteps); return; }
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            using var result = await agent.PostAsJsonAsync($"api/departments/{department}/queue/{id}/{step}", body, stop.Token);
            Interlocked.Increment(ref result.IsSuccessStatusCode ? ref steps : ref failedSteps);
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(loops);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
