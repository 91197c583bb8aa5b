using System.Diagnostics;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Paging;

namespace Requests.Benchmarks;

/// <summary>A 50-row page as GET /api/requests computes it (validation, query, cursor), on a fresh context per call like a request scope.</summary>
static class ListBenchmark
{
    static readonly RequestScope Admin = new("grace", SeesAll: true, new HashSet<string>(), OnAccountTeams: false, IsAdmin: true);
    static readonly RequestScope Manager = new(Seeder.ManagerOf(0), SeesAll: false, new HashSet<string>(), OnAccountTeams: true, IsAdmin: false);
    static readonly RequestScope Executive = Manager with { UserId = Seeder.Executive };
    // Every row carries its clocks as the service answers them: computed from the row's columns, on the shipped calendar.
    static readonly RequestClocks Clocks = new(new SlaPolicies(Microsoft.Extensions.Options.Options.Create(new SlaOptions())), TimeProvider.System);

    public static IEnumerable<(string Name, RequestScope Scope, Func<int, RequestFilter> Filter)> Filters() =>
    [
        ("list: client + status", Admin, i => new RequestFilter(ClientId: Seeder.Clients[i % Seeder.Clients.Length], Status: "Fulfilled")),
        ("list: type + priority, page 2 by cursor", Admin, i => new RequestFilter(Type: Seeder.Types[i % Seeder.Types.Length], Priority: "P1")),
        ("list: department", Admin, i => new RequestFilter(Department: Seeder.Departments[i % Seeder.Departments.Length])),
        ("list: breached + date range", Admin, i => new RequestFilter(Breached: true, From: Seeder.Start.AddDays(i % 600), To: Seeder.Start.AddDays(i % 600 + 60))),
        ("list: status = Submitted", Admin, _ => new RequestFilter(Status: "Submitted")),
        // The account team's lists: the projection filter inside the page scan (ADR 0029).
        ("list: manager, 200 clients, paging by cursor", Manager, _ => new RequestFilter(Type: null)),
        ("list: executive, 200 clients, paging by cursor", Executive, _ => new RequestFilter(Type: null)),
        ("list: manager, 200 clients, status = Fulfilled", Manager, _ => new RequestFilter(Status: "Fulfilled")),
        ("list: manager, 200 clients, type + priority", Manager, i => new RequestFilter(Type: Seeder.Types[i % Seeder.Types.Length], Priority: "P1")),
        ("list: executive, one client of the book", Executive, i => new RequestFilter(ClientId: Seeder.Clients[i % 200 * Seeder.Managers])),
    ];

    public static async Task<List<double>> MeasureAsync(string path, RequestScope scope, Func<int, RequestFilter> filter, int runs)
    {
        var samples = new List<double>(runs);
        string? cursor = null;
        for (var i = -20; i < runs; i++)
        {
            var f = filter(Math.Abs(i)) with { Limit = 50 };
            // Filters by type, and the team's unfiltered lists, page on: the cursor of the previous call, so deep pages are measured too.
            if (f.Type is not null || (scope.OnAccountTeams && f.ClientId is null && f.Status is null)) f = f with { After = cursor };
            var watch = Stopwatch.StartNew();
            await using var db = Database.Open(path);
            var (query, errors) = RequestListQuery.Parse(f);
            if (query is null) throw new InvalidOperationException(string.Join(" ", errors.Keys));
            var page = await query.RunAsync(db, scope, Clocks, CancellationToken.None) ?? throw new InvalidOperationException("The client is not the caller's.");
            watch.Stop();
            cursor = page.NextCursor;
            if (page.Items.Count == 0 && f.Status != "Submitted") throw new InvalidOperationException("An empty page measures nothing.");
            if (i >= 0) samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
