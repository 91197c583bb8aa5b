using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClientRequests.LoadBenchmarks;

public sealed record RawResult(double Seconds, long Published, long Consumed)
{
    public double PublishedPerSecond => Published / Seconds;
    public double ConsumedPerSecond => Consumed / Seconds;
}

/// <summary>
/// The broker's ceiling on this machine for the platform's kind of traffic: persistent messages of a
/// MassTransit envelope's size, publisher confirms, published and consumed at once with manual acks.
/// </summary>
public static class RawBrokerBenchmark
{
    const string Queue = "raw-benchmark";
    const int Window = 500;        // confirms outstanding at once, as the outbox dispatcher publishes in batches
    const ushort Prefetch = 64;
    static readonly byte[] Body = new byte[1_200];

    public static async Task<RawResult> RunAsync(string amqpUri, TimeSpan duration, CancellationToken cancel)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "load-benchmark-raw" };
        await using var publisherConnection = await factory.CreateConnectionAsync(cancel);
        await using var consumerConnection = await factory.CreateConnectionAsync(cancel);
        await using var publisher = await publisherConnection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancel);
        await using var consumerChannel = await consumerConnection.CreateChannelAsync(cancellationToken: cancel);
        await publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancel);
        await consumerChannel.BasicQosAsync(0, Prefetch, false, cancel);

        long consumed = 0;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            Interlocked.Increment(ref consumed);
        };
        await consumerChannel.BasicConsumeAsync(Queue, autoAck: false, consumer, cancel);

        var properties = new BasicProperties { Persistent = true };
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long published = 0;
        var batch = new List<Task>(Window);
        while (Stopwatch.GetTimestamp() < end && !cancel.IsCancellationRequested)
        {
            for (var i = 0; i < Window; i++)
                batch.Add(publisher.BasicPublishAsync("", Queue, mandatory: false, properties, Body, cancel).AsTask());
            await Task.WhenAll(batch);
            published += batch.Count;
            batch.Clear();
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var consumedInWindow = Interlocked.Read(ref consumed);
        await consumerChannel.QueueDeleteAsync(Queue, cancellationToken: CancellationToken.None);
        return new RawResult(seconds, published, consumedInWindow);
    }
}
