using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Data;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Data;

/// <summary>
/// The demo company's clients and account teams, written once into an empty database. The ids are fixed:
/// the other services' demo data and the end-to-end tests refer to them.
/// </summary>
sealed class DemoData(TimeProvider clock) : IDemoDataSeeder<ClientsDbContext>
{
    public static readonly Guid AcmeId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid GlobexId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid InitechId = Guid.Parse("33333333-3333-3333-3333-333333333333");

    public async Task SeedAsync(ClientsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Clients.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();

        db.Clients.AddRange(
            NewClient(AcmeId, "Acme Corporation", "Manufacturing", ClientTier.Strategic, DemoUsers.Alice.Id, now,
                new Contact { Id = Guid.Parse("11111111-0000-0000-0000-000000000001"), ClientId = AcmeId, Name = "Wile E. Coyote", Role = "Head of Procurement", Email = "wile@acme.example", Phone = "+1 555 0100" }),
            NewClient(GlobexId, "Globex", "Energy", ClientTier.Key, DemoUsers.Alice.Id, now.AddSeconds(1),
                new Contact { Id = Guid.Parse("22222222-0000-0000-0000-000000000001"), ClientId = GlobexId, Name = "Hank Scorpio", Role = "CEO", Email = "hank@globex.example" }),
            NewClient(InitechId, "Initech", "Software", ClientTier.Standard, DemoUsers.Mallory.Id, now.AddSeconds(2),
                new Contact { Id = Guid.Parse("33333333-0000-0000-0000-000000000001"), ClientId = InitechId, Name = "Bill Lumbergh", Role = "Division VP", Email = "bill@initech.example" }));

        db.ExecutiveAssignments.Add(new ExecutiveAssignment
        {
            ExecutiveId = DemoUsers.Bob.Id, ManagerId = DemoUsers.Alice.Id, ChangedBy = "demo-data", ChangedAt = now,
        });
        // The demo team is shown by name before its members have signed in (ADR 0035).
        db.People.AddRange(DemoUsers.All.Where(u => u.Roles.Contains(Roles.AccountManager) || u.Roles.Contains(Roles.AccountExecutive))
            .Select(u => new Person { UserId = u.Id, Name = u.Name, SeenAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    static Client NewClient(Guid id, string name, string industry, ClientTier tier, string managerId, DateTimeOffset registeredAt, Contact contact)
    {
        var client = new Client
        {
            Id = id, Name = name, Industry = industry, Tier = tier, Status = ClientStatus.Active,
            AccountManagerId = managerId, RegisteredAt = registeredAt, Contacts = [contact],
        };
        client.Touch();
        return client;
    }
}
