using System.Net;
using System.Text.Json;
using ClientRequests.TestKit;

namespace ClientRequests.LoadBenchmarks;

/// <summary>Cumulative message counts of one virtual host, from the management API.</summary>
public sealed record BrokerStats(long Published, long Delivered)
{
    // The management plugin refreshes message statistics every 5 s (collect_statistics_interval):
    // a reading is only complete that long after the last message.
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5.5);

    public static async Task<BrokerStats> ReadAsync(Uri managementUri, string virtualHost)
    {
        using var http = Management.Client(managementUri);
        var response = await http.GetAsync($"api/vhosts/{Uri.EscapeDataString(virtualHost)}");
        if (response.StatusCode == HttpStatusCode.NotFound) throw new InvalidOperationException($"no virtual host {virtualHost}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (!json.RootElement.TryGetProperty("message_stats", out var stats)) return new(0, 0);
        long Count(string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
        return new(Count("publish"), Count("deliver_get"));
    }

    public static BrokerStats operator -(BrokerStats after, BrokerStats before) =>
        new(after.Published - before.Published, after.Delivered - before.Delivered);
}
