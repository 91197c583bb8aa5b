using ClientRequests.Departments.Domain;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientRequests.Departments.Data;

public class DepartmentsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Department>(department =>
        {
            department.HasKey(d => d.Code);
            department.Property(d => d.Code).HasMaxLength(40);
            department.Property(d => d.Name).HasMaxLength(200);
            department.Property(d => d.Mode).HasConversion<string>().HasMaxLength(20);
            department.Property(d => d.LeadId).HasMaxLength(100);
            department.Property(d => d.TimeZone).HasMaxLength(60);
            department.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DepartmentCode);
        });
        model.Entity<Member>(member =>
        {
            member.HasKey(m => new { m.DepartmentCode, m.UserId });
            member.Property(m => m.UserId).HasMaxLength(100);
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.Version).IsConcurrencyToken();
        });
        model.Entity<RoutingRule>(rule =>
        {
            rule.Property(r => r.Name).HasMaxLength(200);
            rule.Property(r => r.RequestType).HasMaxLength(60);
            rule.Property(r => r.Priority).HasMaxLength(10);
            rule.Property(r => r.ClientTier).HasMaxLength(30);
            rule.Property(r => r.Tag).HasMaxLength(60);
        });
        model.Entity<WorkItem>(item =>
        {
            item.Property(i => i.DepartmentCode).HasMaxLength(40);
            item.Property(i => i.Type).HasMaxLength(60);
            item.Property(i => i.Priority).HasMaxLength(10);
            item.Property(i => i.Title).HasMaxLength(200);
            item.Property(i => i.Description).HasMaxLength(4000);
            item.Property(i => i.ClaimedBy).HasMaxLength(100);
            item.Property(i => i.ResolutionNote).HasMaxLength(WorkItem.MaxTextLength);
            item.Property(i => i.RejectionReason).HasMaxLength(WorkItem.MaxTextLength);
            item.Property(i => i.HandedOverTo).HasMaxLength(40);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Version).IsConcurrencyToken();
            // The queue pages: one department, optionally one status, by age or by due time, keyset on (time, Id).
            item.HasIndex(i => new { i.DepartmentCode, i.Status, i.QueuedAt, i.Id });
            item.HasIndex(i => new { i.DepartmentCode, i.QueuedAt, i.Id });
            item.HasIndex(i => new { i.DepartmentCode, i.Status, i.DueAt, i.Id });
            item.HasIndex(i => new { i.DepartmentCode, i.DueAt, i.Id });
            // A member's load: the items they hold.
            item.HasIndex(i => new { i.DepartmentCode, i.ClaimedBy, i.Status });
            item.HasIndex(i => i.RequestId);
        });
        model.AddOutboxAndInbox();
    }
}

public sealed class SqliteDepartmentsDbContext(DbContextOptions<SqliteDepartmentsDbContext> options) : DepartmentsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerDepartmentsDbContext(DbContextOptions<SqlServerDepartmentsDbContext> options) : DepartmentsDbContext(options);

public sealed class PostgreSqlDepartmentsDbContext(DbContextOptions<PostgreSqlDepartmentsDbContext> options) : DepartmentsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDepartmentsDbContext>
{
    public SqliteDepartmentsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteDepartmentsDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDepartmentsDbContext>
{
    public SqlServerDepartmentsDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerDepartmentsDbContext>());
}

sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDepartmentsDbContext>
{
    public PostgreSqlDepartmentsDbContext CreateDbContext(string[] args) => new(DesignTime.PostgreSql<PostgreSqlDepartmentsDbContext>());
}
