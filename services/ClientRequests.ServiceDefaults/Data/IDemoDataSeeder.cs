using Microsoft.EntityFrameworkCore;

namespace ClientRequests.ServiceDefaults.Data;

/// <summary>Seeds a fresh database with demo data; registered by services that have some.</summary>
public interface IDemoDataSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
