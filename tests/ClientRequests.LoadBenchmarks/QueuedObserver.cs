using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClientRequests.LoadBenchmarks;

/// <summary>
/// Sees every <c>WorkItemQueued</c> the departments service publishes, through a private queue bound to the
/// event's exchange, so the end-to-end latency is measured at the broker without asking any service.
/// </summary>
public sealed class QueuedObserver : IAsyncDisposable
{
    // MassTransit's default entity name for the event type: its exchange on the platform's virtual host.
    const string Exchange = "ClientRequests.Contracts.Departments:WorkItemQueued";

    readonly ConcurrentDictionary<Guid, Dictionary<string, long>> queuedAt = new();
    readonly IConnection connection;
    readonly IChannel channel;
    long received;

    QueuedObserver(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public long Received => Interlocked.Read(ref received);

    public static async Task<QueuedObserver> StartAsync(string amqpUri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "load-benchmark-observer" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        // Declared with MassTransit's own arguments, so it is a no-op when the platform declared it first.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, Exchange, routingKey: "");

        var observer = new QueuedObserver(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            observer.Record(delivery.Body, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return observer;
    }

    void Record(ReadOnlyMemory<byte> body, long timestamp)
    {
        Interlocked.Increment(ref received);
        using var envelope = JsonDocument.Parse(body);
        var message = envelope.RootElement.GetProperty("message");
        var requestId = message.GetProperty("requestId").GetGuid();
        var department = message.GetProperty("departmentCode").GetString() ?? "";
        var departments = queuedAt.GetOrAdd(requestId, _ => []);
        // The outbox may publish a row twice (at-least-once): the first sighting per department counts.
        lock (departments) departments.TryAdd(department, timestamp);
    }

    /// <summary>When the last of <paramref name="departments"/> distinct departments queued the request, or null.</summary>
    public long? CompletedAt(Guid requestId, int departments)
    {
        if (!queuedAt.TryGetValue(requestId, out var seen)) return null;
        lock (seen) return seen.Count >= departments ? seen.Values.Max() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
