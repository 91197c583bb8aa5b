using System.Text.Json;

namespace ClientRequests.Messaging.Outbox;

/// <summary>
/// A message waiting to leave, stored in the same transaction as the change it announces.
/// Its <see cref="Id"/> becomes the published MessageId, so a row published twice is recognised by the inbox.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>
    /// Null to publish; a queue name (for example <c>department-billing</c>) to send to that queue, or a full address
    /// such as <c>exchange:department-billing</c>.
    /// </summary>
    public string? Destination { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; internal set; }
    public int Attempts { get; internal set; }
    /// <summary>
    /// The dispatcher batch that holds the row (machine, process, batch), set with <see cref="ClaimedUntil"/> in one
    /// conditional update; another dispatcher leaves the row alone until the claim has run out.
    /// </summary>
    public string? ClaimedBy { get; internal set; }
    public DateTimeOffset? ClaimedUntil { get; internal set; }
    /// <summary>The id of the call or message that wrote the row, sent along as the message's <c>X-Correlation-Id</c>.</summary>
    public string? CorrelationId { get; private set; }

    public const int ClaimedByMax = 120;

    public static OutboxMessage For(object message, string? destination, DateTimeOffset now)
    {
        var type = message.GetType();
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, JsonOptions),
            Destination = destination,
            CreatedAt = now,
            CorrelationId = ServiceDefaults.Correlation.CorrelationId.Current,
        };
    }

    internal (object Message, Type Type) Deserialize()
    {
        var type = Type.GetType(MessageType, throwOnError: true)!;
        return (JsonSerializer.Deserialize(Body, type, JsonOptions)!, type);
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
