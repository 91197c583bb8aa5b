using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Messaging.Inbox;

/// <summary>
/// A consumer whose effect is applied once per message: the (message id, consumer) pair is written in the same
/// SaveChanges as the effect and any outbox rows, so a redelivered message changes nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db => db;
    protected TimeProvider Clock => clock;

    /// <summary>
    /// The consumer's key in the inbox, declared rather than taken from the class name: renaming the class must not
    /// make every message it has applied look new. The declared names are the class names the inbox held before.
    /// </summary>
    protected abstract string InboxName { get; }

    /// <summary>Changes the context; must not call SaveChanges (the base does, once, with the inbox row).</summary>
    protected abstract Task ApplyAsync(ConsumeContext<TMessage> context);

    /// <summary>How many times a consumer applies a message in place when its save collides with another's.</summary>
    public const int ImmediateAttempts = 3;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var consumer = InboxName;
        var inbox = db.Set<InboxMessage>();

        for (var attempt = 1; ; attempt++)
        {
            if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
                return;
            try
            {
                await ApplyAsync(context);
                inbox.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(context.CancellationToken);
                return;
            }
            catch (DbUpdateException e) when (!TransientFailure.Is(e) && attempt < ImmediateAttempts)
            {
                // Another delivery of this message committed first (the inbox check above then ends it), or another
                // message wrote the same rows in between (both inserted a row that was missing, both rolled up one
                // request): read again and apply again now, instead of after the bus's retry delay.
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
