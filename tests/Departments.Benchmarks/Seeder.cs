using System.Diagnostics;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Security;

namespace Departments.Benchmarks;

/// <summary>
/// Fills a department's queue straight through the DbContext: pushing 100,000 messages through the broker would
/// measure the consumer, not the list or the claims.
/// </summary>
static class Seeder
{
    public static PlatformUser Agent(string department, int n) => new($"{department}-agent-{n:00}", $"Agent {n}", [Roles.DepartmentAgent], [department]);

    public static async Task SeedAsync(BenchApp app, string code, int items, int members)
    {
        var watch = Stopwatch.StartNew();
        await app.QueryAsync(async db =>
        {
            db.Departments.Add(new Department
            {
                Code = code, Name = code, Mode = DepartmentMode.Managed,
                OpensAt = new TimeOnly(0, 0), ClosesAt = new TimeOnly(23, 59), WorkDays = [.. Enum.GetValues<DayOfWeek>()],
                Members = [.. Enumerable.Range(0, members).Select(n => new Member { DepartmentCode = code, UserId = Agent(code, n).Id, Name = $"Agent {n}", Capacity = items })],
            });
            return await db.SaveChangesAsync();
        });

        var start = DateTimeOffset.UtcNow.AddDays(-30);
        string[] priorities = ["P1", "P2", "P3", "P4"];
        for (var batch = 0; batch < items; batch += 5_000)
        {
            await app.QueryAsync(async db =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = batch; i < Math.Min(items, batch + 5_000); i++)
                {
                    var queuedAt = start.AddSeconds(i * 20);
                    var priority = priorities[i % 4];
                    // Instants as the requests service would send them: sooner for a higher priority (its clocks are not this service's).
                    var target = TimeSpan.FromHours(4 << (i % 4));
                    var (due, risk) = (queuedAt + target, queuedAt + target * 0.8);
                    db.WorkItems.Add(new WorkItem
                    {
                        Id = Guid.CreateVersion7(queuedAt), RequestId = Guid.NewGuid(), ClientId = Guid.NewGuid(), DepartmentCode = code,
                        Type = "billing", Priority = priority, Title = $"Item {i}", Description = "Seeded for the benchmark",
                        AssignedAt = queuedAt, QueuedAt = queuedAt, DueAt = due, AtRiskAt = risk, Sequence = 1,
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        Console.WriteLine($"seeded {items:N0} items into '{code}' in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
