using ClientRequests.Messaging;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientRequests.Requests.Data;

public class RequestsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ClientRequest> Requests => Set<ClientRequest>();
    public DbSet<RequestWorkItem> WorkItems => Set<RequestWorkItem>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ClientTeam> ClientTeams => Set<ClientTeam>();
    public DbSet<ClientTeamMember> ClientTeamMembers => Set<ClientTeamMember>();
    public DbSet<SlaPolicyVersion> SlaPolicyVersions => Set<SlaPolicyVersion>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ClientRequest>(request =>
        {
            request.ToTable("Requests");
            // Ids are made by the domain (version 7 Guids); an entity with an id found on a tracked request is new, not existing.
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.ClientName).HasMaxLength(200);
            request.Property(r => r.AccountManagerId).HasMaxLength(100);
            request.Property(r => r.OpenedBy).HasMaxLength(100);
            request.Property(r => r.Type).HasMaxLength(60);
            request.Property(r => r.Priority).HasConversion<string>().HasMaxLength(2);
            request.Property(r => r.Title).HasMaxLength(NewRequest.TitleMax);
            request.Property(r => r.Description).HasMaxLength(NewRequest.DescriptionMax);
            request.Property(r => r.ExternalReference).HasMaxLength(100);
            request.Property(r => r.RoutedBy).HasMaxLength(200);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.PausedFrom).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Version).IsConcurrencyToken();
            request.OwnsOne(r => r.FirstResponseSla, Clock);
            request.Navigation(r => r.FirstResponseSla).IsRequired();
            request.OwnsOne(r => r.ResolutionSla, Clock);
            request.Navigation(r => r.ResolutionSla).IsRequired();
            request.HasMany(r => r.WorkItems).WithOne().HasForeignKey(w => w.RequestId);
            request.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.RequestId);
            // Lists page by (SubmittedAt, Id), newest first; each filter has an index that ends in the page key,
            // so a filtered page is an index range scan however many requests there are.
            request.HasIndex(r => new { r.ClientId, r.SubmittedAt, r.Id });
            request.HasIndex(r => new { r.Status, r.SubmittedAt, r.Id });
            request.HasIndex(r => new { r.Type, r.SubmittedAt, r.Id });
            request.HasIndex(r => new { r.Priority, r.SubmittedAt, r.Id });
            request.HasIndex(r => new { r.Breached, r.SubmittedAt, r.Id });
            request.HasIndex(r => new { r.SubmittedAt, r.Id });
            // The SLA monitor's pass: open requests and those closed since the last pass.
            request.HasIndex(r => r.ClosedAt);
            request.HasIndex(r => new { r.ClientId, r.ExternalReference }).IsUnique().HasFilter("\"ExternalReference\" IS NOT NULL");
        });
        model.Entity<RequestWorkItem>(item =>
        {
            item.ToTable("RequestWorkItems");
            item.Property(w => w.Id).ValueGeneratedNever();
            item.Property(w => w.DepartmentCode).HasMaxLength(40);
            item.Property(w => w.DepartmentName).HasMaxLength(200);
            item.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(w => w.Outcome).HasMaxLength(NewRequest.DescriptionMax);
            item.OwnsOne(w => w.Ola, Clock);
            item.Navigation(w => w.Ola).IsRequired();
            item.HasIndex(w => new { w.DepartmentCode, w.Status });
            // The department filter of the list: which requests a department has a work item on.
            item.HasIndex(w => new { w.DepartmentCode, w.RequestId });
        });
        model.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("IdempotencyRecords");
            record.HasKey(r => new { r.CallerId, r.Key });
            record.Property(r => r.CallerId).HasMaxLength(100);
            record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMax);
            record.Property(r => r.BodyHash).HasMaxLength(64);
            record.Property(r => r.Location).HasMaxLength(200);
            record.HasIndex(r => r.CreatedAt);
        });
        model.Entity<TimelineEntry>(entry =>
        {
            entry.ToTable("TimelineEntries");
            entry.Property(t => t.Id).ValueGeneratedNever();
            entry.Property(t => t.Kind).HasMaxLength(40);
            entry.Property(t => t.ActorId).HasMaxLength(100);
            entry.Property(t => t.DepartmentCode).HasMaxLength(40);
            entry.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            entry.Property(t => t.Visibility).HasConversion<string>().HasMaxLength(10);
            entry.Property(t => t.Text).HasMaxLength(NewRequest.DescriptionMax);
            entry.Property(t => t.Before).HasMaxLength(NewRequest.DescriptionMax);
            entry.Property(t => t.After).HasMaxLength(NewRequest.DescriptionMax);
            entry.HasIndex(t => new { t.RequestId, t.At, t.Id });
            // One entry per work-item step, however often (and under whatever message id) the department sends it.
            entry.HasIndex(t => new { t.WorkItemId, t.Sequence }).IsUnique().HasFilter("\"Sequence\" IS NOT NULL");
        });
        model.Entity<ClientTeam>(team =>
        {
            team.ToTable("ClientTeams");
            team.HasKey(t => t.ClientId);
            team.Property(t => t.ClientId).ValueGeneratedNever();
            team.Property(t => t.AccountManagerId).HasMaxLength(ClientTeamMember.UserIdMax);
            // Two events for one client applied at once: the second save fails and is applied again on what the first wrote.
            team.Property(t => t.AsOf).IsConcurrencyToken();
            team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ClientTeamMember>(member =>
        {
            member.ToTable("ClientTeamMembers");
            // (UserId, ClientId): the list filter probes it once per request its page scan meets, an index seek each,
            // and a caller's clients are one range of it.
            member.HasKey(m => new { m.UserId, m.ClientId });
            member.Property(m => m.UserId).HasMaxLength(ClientTeamMember.UserIdMax);
            member.HasIndex(m => m.ClientId);
        });
        model.Entity<SlaPolicyVersion>(version =>
        {
            version.ToTable("SlaPolicyVersions");
            version.HasKey(v => v.Version);
            version.Property(v => v.Version).ValueGeneratedNever();
            version.Property(v => v.ChangedBy).HasMaxLength(100);
        });
        model.AddOutboxAndInbox();
    }

    static void Clock<T>(OwnedNavigationBuilder<T, SlaSnapshot> clock) where T : class =>
        clock.Property(c => c.State).HasMaxLength(10);
}

public sealed class SqliteRequestsDbContext(DbContextOptions<SqliteRequestsDbContext> options) : RequestsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerRequestsDbContext(DbContextOptions<SqlServerRequestsDbContext> options) : RequestsDbContext(options);

public sealed class PostgreSqlRequestsDbContext(DbContextOptions<PostgreSqlRequestsDbContext> options) : RequestsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRequestsDbContext>
{
    public SqliteRequestsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteRequestsDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRequestsDbContext>
{
    public SqlServerRequestsDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerRequestsDbContext>());
}

sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRequestsDbContext>
{
    public PostgreSqlRequestsDbContext CreateDbContext(string[] args) => new(DesignTime.PostgreSql<PostgreSqlRequestsDbContext>());
}
