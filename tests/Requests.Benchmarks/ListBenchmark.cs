using System.Diagnostics;
using ClientRequests.Requests.Apis;
using ClientRequests.ServiceDefaults.Paging;

namespace Requests.Benchmarks;

/// <summary>A 50-row page as GET /api/requests computes it (validation, query, cursor), on a fresh context per call like a request scope.</summary>
static class ListBenchmark
{
    public static IEnumerable<(string Name, Func<int, RequestFilter> Filter)> Filters() =>
    [
        ("list: client + status", i => new RequestFilter(ClientId: Seeder.Clients[i % Seeder.Clients.Length], Status: "Fulfilled")),
        ("list: type + priority, page 2 by cursor", i => new RequestFilter(Type: Seeder.Types[i % Seeder.Types.Length], Priority: "P1")),
        ("list: department", i => new RequestFilter(Department: Seeder.Departments[i % Seeder.Departments.Length])),
        ("list: breached + date range", i => new RequestFilter(Breached: true, From: Seeder.Start.AddDays(i % 600), To: Seeder.Start.AddDays(i % 600 + 60))),
        ("list: status = Submitted", _ => new RequestFilter(Status: "Submitted")),
    ];

    public static async Task<List<double>> MeasureAsync(string path, Func<int, RequestFilter> filter, int runs)
    {
        var samples = new List<double>(runs);
        string? cursor = null;
        for (var i = -20; i < runs; i++)
        {
            var f = filter(Math.Abs(i)) with { Limit = 50 };
            // The second filter pages on: the cursor of the previous call, so deep pages are measured too.
            if (f.Type is not null) f = f with { After = cursor };
            var watch = Stopwatch.StartNew();
            await using var db = Database.Open(path);
            var (errors, status, priority, after) = ListRequests.Validate(f);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors.Keys));
            var page = await ListRequests.PageAsync(db, db.Requests, f, status, priority, after, CancellationToken.None);
            watch.Stop();
            cursor = page.NextCursor;
            if (page.Items.Count == 0 && f.Status != "Submitted") throw new InvalidOperationException("An empty page measures nothing.");
            if (i >= 0) samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
