using ClientRequests.Messaging;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientRequests.Notifications.Data;

public class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Preferences> Preferences => Set<Preferences>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Notification>(notification =>
        {
            notification.Property(n => n.RecipientId).HasMaxLength(100);
            notification.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.Kind).HasMaxLength(60);
            notification.Property(n => n.Title).HasMaxLength(300);
            notification.Property(n => n.Body).HasMaxLength(4000);
            notification.Property(n => n.Address).HasMaxLength(320);
            // The inbox deduplicates per consumer class; this holds whichever consumer (or renamed consumer) records the event.
            notification.HasIndex(n => new { n.EventId, n.RecipientId, n.Channel }).IsUnique();
            // The inbox page: one recipient and channel, newest first, keyset on (CreatedAt, Id); also counts unread.
            notification.HasIndex(n => new { n.RecipientId, n.Channel, n.CreatedAt, n.Id });
            notification.HasIndex(n => new { n.RecipientId, n.Channel, n.ReadAt });
            // The e-mail dispatcher's scan: unsent e-mails.
            notification.HasIndex(n => new { n.Channel, n.SentAt });
        });
        model.Entity<Preferences>(preferences =>
        {
            preferences.HasKey(p => p.UserId);
            preferences.Property(p => p.UserId).HasMaxLength(100);
            preferences.Property(p => p.EmailAddress).HasMaxLength(320);
        });
        model.Entity<WebhookSubscription>(subscription =>
        {
            subscription.Property(s => s.EventType).HasMaxLength(60);
            subscription.Property(s => s.Url).HasMaxLength(2000);
            subscription.Property(s => s.Secret).HasMaxLength(200);
            subscription.Property(s => s.CreatedBy).HasMaxLength(100);
            subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            subscription.HasIndex(s => s.EventType);
        });
        model.Entity<WebhookDelivery>(delivery =>
        {
            delivery.Property(d => d.EventType).HasMaxLength(60);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
            // One delivery per (event, subscription): the webhook channel's "exactly once per recipient".
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            // The dispatcher's scan: pending and due, oldest first.
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            // The delivery log: one subscription, newest first, keyset on (CreatedAt, Id).
            delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt, d.Id });
        });
        model.Entity<WebhookAttempt>(attempt =>
        {
            attempt.Property(a => a.Error).HasMaxLength(1000);
            attempt.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId);
            attempt.HasIndex(a => new { a.DeliveryId, a.At });
        });
        model.AddOutboxAndInbox();
    }
}

public sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerNotificationsDbContext(DbContextOptions<SqlServerNotificationsDbContext> options) : NotificationsDbContext(options);

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteNotificationsDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNotificationsDbContext>
{
    public SqlServerNotificationsDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerNotificationsDbContext>());
}
