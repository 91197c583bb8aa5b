using ClientRequests.Messaging;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientRequests.Notifications.Data;

public class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Notification>(notification =>
        {
            notification.Property(n => n.RecipientId).HasMaxLength(100);
            notification.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.Kind).HasMaxLength(60);
            notification.Property(n => n.Title).HasMaxLength(300);
            notification.Property(n => n.Body).HasMaxLength(4000);
            // The inbox deduplicates per consumer class; this holds whichever consumer (or renamed consumer) records the event.
            notification.HasIndex(n => new { n.EventId, n.RecipientId, n.Channel }).IsUnique();
            // The inbox page: one recipient and channel, newest first, keyset on (CreatedAt, Id); also counts unread.
            notification.HasIndex(n => new { n.RecipientId, n.Channel, n.CreatedAt, n.Id });
            notification.HasIndex(n => new { n.RecipientId, n.Channel, n.ReadAt });
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
