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
    public DbSet<TrackedRequest> TrackedRequests => Set<TrackedRequest>();
    public DbSet<ClientTeam> ClientTeams => Set<ClientTeam>();
    public DbSet<RequestDepartment> RequestDepartments => Set<RequestDepartment>();
    public DbSet<Watch> Watches => Set<Watch>();

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
            // The e-mail dispatcher's scan: unsent e-mails by due time.
            notification.HasIndex(n => new { n.Channel, n.SentAt, n.DueAt });
        });
        model.Entity<Preferences>(preferences =>
        {
            preferences.HasKey(p => p.UserId);
            preferences.Property(p => p.UserId).HasMaxLength(100);
            preferences.Property(p => p.EmailAddress).HasMaxLength(320);
            preferences.Property(p => p.TimeZone).HasMaxLength(64).HasDefaultValue(Domain.Preferences.DefaultTimeZone);
            // Read and written only with the row, never queried inside: one JSON column on both providers.
            preferences.Property(p => p.Kinds).HasConversion(KindRulesJson.Converter, KindRulesJson.Comparer);
        });
        model.Entity<WebhookSubscription>(subscription =>
        {
            subscription.Property(s => s.EventType).HasMaxLength(60);
            subscription.Property(s => s.Url).HasMaxLength(2000);
            // 64 bytes for a new secret; a free-text secret from before Standard Webhooks became its UTF-8 bytes (ADR 0025).
            subscription.Property(s => s.SigningKey).HasMaxLength(800);
            subscription.Property(s => s.PreviousSigningKey).HasMaxLength(800);
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
        model.Entity<TrackedRequest>(request =>
        {
            request.HasKey(r => r.RequestId);
            request.Property(r => r.ClientName).HasMaxLength(200);
            request.Property(r => r.Title).HasMaxLength(300);
        });
        model.Entity<ClientTeam>(team =>
        {
            team.HasKey(t => t.ClientId);
            team.Property(t => t.AccountManagerId).HasMaxLength(100);
            // A primitive collection: stored as JSON on both providers; never queried inside, only read with the row.
            team.PrimitiveCollection(t => t.AccountExecutiveIds);
        });
        model.Entity<RequestDepartment>(department =>
        {
            department.Property(d => d.DepartmentCode).HasMaxLength(50);
            department.HasKey(d => new { d.RequestId, d.DepartmentCode });
        });
        model.Entity<Watch>(watch =>
        {
            watch.Property(w => w.UserId).HasMaxLength(100);
            watch.Property(w => w.Basis).HasConversion<string>().HasMaxLength(20);
            watch.HasKey(w => new { w.UserId, w.RequestId });
            // Every update looks up the watchers of its request.
            watch.HasIndex(w => w.RequestId);
        });
        model.AddOutboxAndInbox();
    }
}

public sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerNotificationsDbContext(DbContextOptions<SqlServerNotificationsDbContext> options) : NotificationsDbContext(options);

public sealed class PostgreSqlNotificationsDbContext(DbContextOptions<PostgreSqlNotificationsDbContext> options) : NotificationsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteNotificationsDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNotificationsDbContext>
{
    public SqlServerNotificationsDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerNotificationsDbContext>());
}

sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNotificationsDbContext>
{
    public PostgreSqlNotificationsDbContext CreateDbContext(string[] args) => new(DesignTime.PostgreSql<PostgreSqlNotificationsDbContext>());
}
