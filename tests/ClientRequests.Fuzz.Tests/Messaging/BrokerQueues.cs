using System.Text.Json;
using ClientRequests.TestKit;

namespace ClientRequests.Fuzz.Tests.Messaging;

/// <summary>A queue some service consumes, and the message types (as MassTransit names them) bound to it.</summary>
public sealed record ConsumedQueue(string Name, IReadOnlyList<string> MessageTypes);

/// <summary>The platform's queues as the broker's management API shows them.</summary>
public sealed class BrokerQueues(Uri managementUri, string virtualHost)
{
    string VirtualHost => Uri.EscapeDataString(virtualHost);

    /// <summary>
    /// Every durable queue with a consumer attached, so whatever a service starts consuming is covered without a list to
    /// keep. The message types come from the exchanges bound to the queue's exchange; a department queue receives the
    /// one command sent to it, which binds nothing.
    /// </summary>
    public async Task<IReadOnlyList<ConsumedQueue>> ConsumedAsync()
    {
        using var http = Management.Client(managementUri);
        using var queues = JsonDocument.Parse(await http.GetStringAsync($"api/queues/{VirtualHost}?columns=name,auto_delete,consumers"));
        var consumed = new List<ConsumedQueue>();
        foreach (var queue in queues.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            if (name.EndsWith("_error") || name.EndsWith("_skipped") || queue.GetProperty("auto_delete").GetBoolean()) continue;
            if (!queue.TryGetProperty("consumers", out var consumers) || consumers.GetInt32() == 0) continue;
            using var bindings = JsonDocument.Parse(await http.GetStringAsync($"api/exchanges/{VirtualHost}/{Uri.EscapeDataString(name)}/bindings/destination"));
            var types = bindings.RootElement.EnumerateArray().Select(b => b.GetProperty("source").GetString()!)
                .Where(source => source.Contains(':')).Distinct().Order().ToList();
            if (types.Count == 0 && name.StartsWith("department-")) types.Add("ClientRequests.Contracts.Departments:AssignWorkItem");
            consumed.Add(new ConsumedQueue(name, types));
        }
        return consumed;
    }

    /// <summary>Ready plus unacknowledged messages, or null when the queue does not exist.</summary>
    public Task<int?> DepthAsync(string queue) => Management.QueueDepthAsync(managementUri, virtualHost, queue);

    /// <summary>The bodies of up to <paramref name="count"/> messages in a queue, put back where they were.</summary>
    public async Task<IReadOnlyList<string>> PeekAsync(string queue, int count = 1000)
    {
        using var http = Management.Client(managementUri);
        var request = new StringContent($$"""{"count":{{count}},"ackmode":"ack_requeue_true","encoding":"auto","truncate":100000}""",
            System.Text.Encoding.UTF8, "application/json");
        var response = await http.PostAsync($"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}/get", request);
        if (!response.IsSuccessStatusCode) return [];
        using var messages = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. messages.RootElement.EnumerateArray().Select(m => m.GetProperty("payload").GetString() ?? "")];
    }
}
