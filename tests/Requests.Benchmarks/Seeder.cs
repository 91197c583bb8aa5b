using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Requests.Benchmarks;

/// <summary>
/// Fills the database through the service's own model: 10,000 clients in the books of 50 managers (200 each, the
/// team projection filled as the clients service's events would), the configured types, P1–P4, one to two work items,
/// a timeline entry per request and per work item, a mix of statuses and ~3 % breached, spread over two years.
/// </summary>
static class Seeder
{
    public static readonly string[] Types = ["need", "complaint", "contract-change", "billing", "information", "other"];
    public static readonly string[] Departments = ["billing", "legal", "support", "sales", "it"];
    public static readonly Guid[] Clients = Enumerable.Range(1, 10_000).Select(i => new Guid($"00000000-0000-0000-0000-{i:D12}")).ToArray();
    public const int Managers = 50;
    /// <summary>Client i is in the book of manager-(i mod 50); executive-0 reports to manager-0.</summary>
    public static string ManagerOf(int clientIndex) => $"manager-{clientIndex % Managers}";
    public const string Executive = "executive-0";
    public static readonly DateTimeOffset Start = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<bool> EnsureAsync(string path, int count)
    {
        await using (var db = Database.Open(path))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
            if (await db.Requests.CountAsync() >= count) return false;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM TimelineEntries; DELETE FROM RequestWorkItems; DELETE FROM Requests; DELETE FROM ClientTeamMembers; DELETE FROM ClientTeams;");
            for (var c = 0; c < Clients.Length; c++)
            {
                var team = new ClientTeam { ClientId = Clients[c] };
                team.Apply(ManagerOf(c), ManagerOf(c) == ManagerOf(0) ? [Executive] : [], Start);
                db.ClientTeams.Add(team);
            }
            await db.SaveChangesAsync();
        }
        var random = new Random(42);
        var step = TimeSpan.FromDays(730) / count;
        const int batch = 50_000;
        await using var model = Database.Open(path);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        for (var first = 0; first < count; first += batch)
        {
            using var transaction = connection.BeginTransaction();
            using var requests = new BulkInsert<ClientRequest>(model, connection, transaction);
            using var items = new BulkInsert<RequestWorkItem>(model, connection, transaction);
            using var timeline = new BulkInsert<TimelineEntry>(model, connection, transaction);
            for (var i = first; i < Math.Min(count, first + batch); i++)
            {
                var request = Request(i, Start + step * i, random);
                requests.Insert(request);
                foreach (var item in request.WorkItems) items.Insert(item);
                foreach (var entry in request.Timeline) timeline.Insert(entry);
            }
            transaction.Commit();
            Console.Write($"\rseeding {Math.Min(count, first + batch):N0}");
        }
        Console.WriteLine();
        await using (var db = Database.Open(path)) await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return true;
    }

    static ClientRequest Request(int i, DateTimeOffset at, Random random)
    {
        var client = random.Next(Clients.Length);
        var request = new ClientRequest
        {
            Id = Guid.CreateVersion7(at), ClientId = Clients[client], ClientName = "Client", AccountManagerId = ManagerOf(client),
            OpenedBy = "seed", Type = Types[random.Next(Types.Length)], Priority = (Priority)random.Next(4), Title = $"Seeded request {i}",
            Description = "Seeded for the benchmark.", RoutedBy = "seed", SubmittedAt = at, ExternalReference = $"SEED-{i}",
            Breached = random.NextDouble() < 0.03,
        };
        foreach (var code in Departments.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
            request.WorkItems.Add(new RequestWorkItem { Id = Guid.CreateVersion7(at), RequestId = request.Id, DepartmentCode = code, DepartmentName = code, AssignedAt = at });
        request.Record(TimelineKinds.Submitted, "seed", at);
        foreach (var item in request.WorkItems) request.Record(TimelineKinds.WorkItemAssigned, TimelineKinds.System, at, item: item);
        // Most requests are old and done; the roll-up moves them as the departments would.
        var progress = random.Next(10);
        var sequence = 1;
        foreach (var item in request.WorkItems.ToList())
        {
            if (progress >= 1) request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, sequence, RequestWorkItemStatus.Queued, "seed", at.AddMinutes(1)));
            if (progress >= 3) request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, sequence + 1, RequestWorkItemStatus.Claimed, "seed", at.AddMinutes(5)));
            if (progress >= 5) request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, sequence + 2, RequestWorkItemStatus.Completed, "seed", at.AddHours(3), "done"));
        }
        return request;
    }
}
