using Microsoft.EntityFrameworkCore;

namespace ClientRequests.ServiceDefaults.Data.Leases;

public static class LeaseModel
{
    /// <summary>Adds the <c>Leases</c> table to a service's model (AddOutboxAndInbox calls it); call from OnModelCreating.</summary>
    public static ModelBuilder AddLeases(this ModelBuilder model)
    {
        model.Entity<Lease>(lease =>
        {
            lease.ToTable("Leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(Lease.NameMax);
            lease.Property(l => l.Holder).HasMaxLength(Lease.HolderMax);
        });
        return model;
    }
}
