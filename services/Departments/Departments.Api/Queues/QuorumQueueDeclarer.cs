using ClientRequests.Contracts.Departments;
using RabbitMQ.Client;

namespace ClientRequests.Departments.Queues;

/// <summary>
/// With quorum queues, senders do not declare department queues (see DepartmentQueue.Address), so this
/// service declares the queue of every department, external ones too, the way MassTransit's receive endpoint
/// does: a durable quorum queue bound to a fanout exchange of the same name. Without quorum queues it does
/// nothing: senders declare classic queues themselves.
/// </summary>
public sealed class QuorumQueueDeclarer(IConfiguration configuration, MessagingOptions messaging)
{
    readonly HashSet<string> declared = new(StringComparer.OrdinalIgnoreCase);

    public async Task DeclareAsync(string queue, CancellationToken cancellationToken = default)
    {
        if (!messaging.QuorumQueues) return;
        lock (declared) if (declared.Contains(queue)) return;

        var factory = new ConnectionFactory { Uri = new Uri(configuration.GetConnectionString("rabbitmq")!) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
        lock (declared) declared.Add(queue);
    }
}
