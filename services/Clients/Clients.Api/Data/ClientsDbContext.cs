using ClientRequests.Clients.Domain;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientRequests.Clients.Data;

public class ClientsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ExecutiveAssignment> ExecutiveAssignments => Set<ExecutiveAssignment>();
    public DbSet<HealthSignal> HealthSignals => Set<HealthSignal>();
    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Client>(client =>
        {
            client.Property(c => c.Name).HasMaxLength(Client.NameMaxLength);
            client.Property(c => c.NormalizedName).HasMaxLength(Client.NameMaxLength);
            client.Property(c => c.Industry).HasMaxLength(Client.IndustryMaxLength);
            client.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
            client.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            client.Property(c => c.AccountManagerId).HasMaxLength(100);
            client.Property(c => c.Notes).HasMaxLength(Client.NotesMaxLength);
            client.Property(c => c.Version).IsConcurrencyToken();
            client.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
            // A manager's book, keyset-paged on (RegisteredAt, Id); names unique within one book.
            client.HasIndex(c => new { c.AccountManagerId, c.RegisteredAt, c.Id });
            client.HasIndex(c => new { c.AccountManagerId, c.NormalizedName }).IsUnique();
            // Admins and analysts page through every client.
            client.HasIndex(c => new { c.RegisteredAt, c.Id });
        });
        model.Entity<Contact>(contact =>
        {
            contact.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
            contact.Property(c => c.Role).HasMaxLength(Contact.RoleMaxLength);
            contact.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
            contact.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength);
        });
        model.Entity<ExecutiveAssignment>(assignment =>
        {
            assignment.HasKey(a => a.ExecutiveId);
            assignment.Property(a => a.ExecutiveId).HasMaxLength(100);
            assignment.Property(a => a.ManagerId).HasMaxLength(100);
            assignment.Property(a => a.ChangedBy).HasMaxLength(100);
            // Two moves of one executive at once: the second finds the manager changed and fails instead of overwriting.
            assignment.Property(a => a.ManagerId).IsConcurrencyToken();
            // The team of a client is found from its manager.
            assignment.HasIndex(a => a.ManagerId);
        });
        model.Entity<HealthSignal>(signal =>
        {
            signal.Property(s => s.Kind).HasMaxLength(30);
            signal.Property(s => s.Detail).HasMaxLength(60);
            signal.Property(s => s.Priority).HasMaxLength(30);
            signal.HasIndex(s => new { s.ClientId, s.OccurredAt });
            // A recent fulfilment looks up its request's submission, which may be older than the window read.
            signal.HasIndex(s => new { s.RequestId, s.Kind });
        });
        model.Entity<Person>(person =>
        {
            person.HasKey(p => p.UserId);
            person.Property(p => p.UserId).HasMaxLength(Person.IdMaxLength);
            person.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        });
        model.AddOutboxAndInbox();
    }
}

public sealed class SqliteClientsDbContext(DbContextOptions<SqliteClientsDbContext> options) : ClientsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerClientsDbContext(DbContextOptions<SqlServerClientsDbContext> options) : ClientsDbContext(options);

public sealed class PostgreSqlClientsDbContext(DbContextOptions<PostgreSqlClientsDbContext> options) : ClientsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClientsDbContext>
{
    public SqliteClientsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteClientsDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerClientsDbContext>
{
    public SqlServerClientsDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerClientsDbContext>());
}

sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlClientsDbContext>
{
    public PostgreSqlClientsDbContext CreateDbContext(string[] args) => new(DesignTime.PostgreSql<PostgreSqlClientsDbContext>());
}
