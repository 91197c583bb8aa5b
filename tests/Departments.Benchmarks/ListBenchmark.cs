using System.Diagnostics;
using System.Net.Http.Json;
using ClientRequests.Departments.Apis;
using ClientRequests.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace Departments.Benchmarks;

/// <summary>GET /api/departments/{code}/queue pages at random depths of a 100,000-item queue, by age and by SLA.</summary>
static class ListBenchmark
{
    public static async Task RunAsync(BenchApp app, string code, int pages)
    {
        using var client = app.ClientFor(Seeder.Agent(code, 0));
        var keys = await app.QueryAsync(db => db.WorkItems.Where(i => i.DepartmentCode == code)
            .Select(i => new { i.Id, i.QueuedAt, i.DueAt }).ToListAsync());
        var random = new Random(7);

        foreach (var sort in new[] { "age", "sla" })
        {
            // Warm-up: the first calls pay for JIT (tiered compilation needs a few hundred) and the SQLite page cache.
            for (var i = 0; i < 300; i++) await client.GetStringAsync($"/api/departments/{code}/queue?sort={sort}&status=Queued&limit=50");
            var timings = new List<double>(pages);
            for (var i = 0; i < pages; i++)
            {
                var key = keys[random.Next(keys.Count)];
                var cursor = new Cursor(sort == "sla" ? key.DueAt : key.QueuedAt, key.Id).Encode();
                var url = i % 10 == 0 ? $"/api/departments/{code}/queue?sort={sort}&status=Queued&limit=50"
                    : $"/api/departments/{code}/queue?sort={sort}&status=Queued&limit=50&after={cursor}";
                var watch = Stopwatch.StartNew();
                var page = await client.GetFromJsonAsync<Page<WorkItemView>>(url);
                timings.Add(watch.Elapsed.TotalMilliseconds);
                if (page is null || (page.Items.Count == 0 && page.NextCursor is not null)) throw new InvalidOperationException("empty page");
            }
            timings.Sort();
            Console.WriteLine($"list page over HTTP (limit 50, status=Queued, sort={sort}) over {keys.Count:N0} items, {pages:N0} pages: " +
                $"p50 {Percentile(timings, 0.50):F2} ms, p99 {Percentile(timings, 0.99):F2} ms, max {timings[^1]:F2} ms");

            // The same pages without HTTP and JSON: what the database and EF Core cost.
            var direct = new List<double>(pages);
            var order = sort == "sla" ? QueueOrder.Sla : QueueOrder.Age;
            await app.QueryAsync(async db =>
            {
                for (var i = 0; i < pages; i++)
                {
                    var key = keys[random.Next(keys.Count)];
                    var query = new QueueQuery(code, ClientRequests.Departments.Domain.WorkItemStatus.Queued, order, false,
                        new Cursor(sort == "sla" ? key.DueAt : key.QueuedAt, key.Id), 50);
                    var watch = Stopwatch.StartNew();
                    await query.RunAsync(db, DateTimeOffset.UtcNow, CancellationToken.None);
                    direct.Add(watch.Elapsed.TotalMilliseconds);
                }
                return 0;
            });
            direct.Sort();
            Console.WriteLine($"list page, query only (sort={sort}): p50 {Percentile(direct, 0.50):F2} ms, p99 {Percentile(direct, 0.99):F2} ms, max {direct[^1]:F2} ms");
        }
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
