using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ClientRequests.TestKit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// Counts, at the broker, how often each message id was published: one durable queue of its own, bound to every
/// exchange of the platform's virtual host (RabbitMQ routes a message to a queue once, however many bindings lead
/// there), bound again every two seconds so exchanges declared later are covered. The outbox stamps each row's id
/// as the message id, so an id seen twice is a row published twice. Error and skipped exchanges are left out: a
/// message moved there is the same publish, not a second one.
/// </summary>
public sealed class BrokerObserver : IAsyncDisposable
{
    const string Queue = "chaos-broker-observer";

    readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> deliveries = new();
    readonly CancellationTokenSource stop = new();
    readonly Stopwatch clock;
    readonly Uri managementUri;
    readonly string virtualHost;
    IConnection connection = null!;
    IChannel channel = null!;
    Task binder = Task.CompletedTask;

    BrokerObserver(Stopwatch clock, Uri managementUri, string virtualHost)
    {
        this.clock = clock;
        this.managementUri = managementUri;
        this.virtualHost = virtualHost;
    }

    /// <summary>Deliveries seen, by message id, each with the run time it arrived at.</summary>
    public IReadOnlyDictionary<string, ConcurrentQueue<TimeSpan>> Deliveries => deliveries;

    public static async Task<BrokerObserver> StartAsync(string amqpUri, Uri managementUri, string virtualHost, Stopwatch clock)
    {
        var observer = new BrokerObserver(clock, managementUri, virtualHost);
        var factory = new ConnectionFactory
        {
            Uri = new Uri(amqpUri),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        observer.connection = await factory.CreateConnectionAsync("chaos-broker-observer");
        observer.channel = await observer.connection.CreateChannelAsync();
        await observer.channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        var consumer = new AsyncEventingBasicConsumer(observer.channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var id = delivery.BasicProperties.MessageId ?? "(no id)";
            observer.deliveries.GetOrAdd(id, _ => new ConcurrentQueue<TimeSpan>()).Enqueue(clock.Elapsed);
            return Task.CompletedTask;
        };
        await observer.channel.BasicConsumeAsync(Queue, autoAck: true, consumer);
        await observer.BindAllAsync();
        observer.binder = Task.Run(observer.KeepBindingAsync);
        return observer;
    }

    async Task KeepBindingAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(2), stop.Token); }
            catch (OperationCanceledException) { return; }
            // The broker may be down (a fault): the next round binds again.
            try { await BindAllAsync(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (e is not OperationCanceledException) { }
        }
    }

    async Task BindAllAsync()
    {
        using var http = Management.Client(managementUri);
        using var json = JsonDocument.Parse(await http.GetStringAsync($"api/exchanges/{Uri.EscapeDataString(virtualHost)}", stop.Token));
        foreach (var exchange in json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!))
        {
            if (exchange.Length == 0 || exchange.StartsWith("amq.", StringComparison.Ordinal) || exchange == Queue ||
                exchange.EndsWith("_error", StringComparison.Ordinal) || exchange.EndsWith("_skipped", StringComparison.Ordinal)) continue;
            await channel.QueueBindAsync(Queue, exchange, "#", cancellationToken: stop.Token);
        }
    }

    /// <summary>Message ids delivered more than once with both deliveries before <paramref name="before"/>.</summary>
    public int PublishedMoreThanOnce(TimeSpan before) => deliveries.Values.Count(times => times.Count(t => t < before) > 1);

    /// <summary>Message ids delivered more than once over the whole run (after faults a republish is expected; the inbox absorbs it).</summary>
    public int PublishedMoreThanOnce() => deliveries.Values.Count(times => times.Count > 1);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await binder;
        try { await channel.CloseAsync(); await connection.CloseAsync(); } catch (Exception) { }
        channel.Dispose();
        connection.Dispose();
        stop.Dispose();
    }
}
