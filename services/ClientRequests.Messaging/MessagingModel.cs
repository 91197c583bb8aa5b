using ClientRequests.Messaging.Inbox;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Data.Leases;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox, inbox and lease tables to a service's model; call from OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Destination).HasMaxLength(200);
            // The dispatcher reads unsent rows oldest first.
            outbox.HasIndex(m => new { m.SentAt, m.CreatedAt });
            outbox.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimedByMax);
            outbox.Property(m => m.CorrelationId).HasMaxLength(128);
            // A dispatcher reads back the batch it has just claimed by its claim.
            outbox.HasIndex(m => m.ClaimedBy);
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.ProcessedAt);
        });
        // The outbox and inbox clean-up runs once per period across replicas, under a lease.
        return model.AddLeases();
    }

    /// <summary>Publishes <paramref name="message"/> when this context's SaveChanges commits.</summary>
    public static void Publish<T>(this DbContext db, T message, TimeProvider? clock = null) where T : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(message, null, (clock ?? TimeProvider.System).GetUtcNow()));

    /// <summary>Sends <paramref name="message"/> to the queue named when this context's SaveChanges commits.</summary>
    public static void Send<T>(this DbContext db, T message, string queue, TimeProvider? clock = null) where T : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(message, queue, (clock ?? TimeProvider.System).GetUtcNow()));
}
