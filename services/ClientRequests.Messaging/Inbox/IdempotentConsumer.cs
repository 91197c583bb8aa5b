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

    /// <summary>Changes the context; must not call SaveChanges (the base does, once, with the inbox row).</summary>
    protected abstract Task ApplyAsync(ConsumeContext<TMessage> context);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var consumer = GetType().Name;
        var inbox = db.Set<InboxMessage>();

        if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
            return;

        try
        {
            await ApplyAsync(context);
            inbox.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Two deliveries of one message raced: the other one committed first, so this one is a duplicate.
            if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
                return;
            throw;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
