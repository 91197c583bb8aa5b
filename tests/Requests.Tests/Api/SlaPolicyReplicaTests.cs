using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Requests.Tests.Api.SlaPolicyApiTests;

namespace Requests.Tests.Api;

/// <summary>Two instances of the requests service over one SQLite file: a change made through one is in effect on the other within the bound.</summary>
public sealed class SlaPolicyReplicaTests : IAsyncLifetime
{
    static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    readonly string folder = Path.Combine(Path.GetTempPath(), $"sla-policy-replicas-{Guid.NewGuid():N}");
    readonly List<RequestsApp> replicas = [];

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var amqpUri = await (await TestBroker.Shared).NewVirtualHostAsync("requests-policy");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:requests"] = $"Data Source={Path.Combine(folder, "requests.db")}",
            ["Sla:PolicyRefresh"] = Refresh.ToString(),
        };
        // One after the other: the first migrates and seeds, the second finds version 1 there.
        foreach (var _ in new[] { 1, 2 })
        {
            var replica = new RequestsApp(amqpUri, settings);
            replicas.Add(replica);
            await replica.WaitUntilReadyAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas) await replica.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task A_version_saved_through_one_instance_is_used_by_the_other_within_the_refresh_interval()
    {
        var other = replicas[1].Services.GetRequiredService<SlaPolicies>();
        Assert.Equal(1, other.Current.Version);
        using var grace = replicas[0].ClientFor(DemoUsers.Grace);
        var policy = await PolicyAsync(grace);
        AnyType(policy, "P3")["resolution"] = "12:00:00";

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(grace, policy)).StatusCode);
        var watch = Stopwatch.StartNew();
        while (other.Current.Version < 2 && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);

        Assert.Equal(2, other.Current.Version);
        // The bound is one refresh interval; the rest is slack for a loaded machine.
        Assert.True(watch.Elapsed < Refresh + TimeSpan.FromSeconds(2), $"seen after {watch.Elapsed}");
        using var alice = replicas[1].ClientFor(DemoUsers.Alice);
        var created = await alice.PostAsJsonAsync("/api/requests", new
        {
            clientId = TestClients.Acme, type = "information", priority = "P3", title = "Which plan are we on?", description = "Asked by the CFO.",
        });
        var opened = (await created.Content.ReadFromJsonAsync<RequestView>())!;
        var due = BusinessCalendar.Weekdays(TimeZoneInfo.Utc).Add(opened.SubmittedAt, TimeSpan.FromHours(12));
        Assert.Equal(due.UtcTicks / TimeSpan.TicksPerSecond, opened.Sla.ResolutionDueAt!.Value.UtcTicks / TimeSpan.TicksPerSecond);
    }
}
