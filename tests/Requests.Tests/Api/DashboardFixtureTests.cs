using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.Requests.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Requests.Tests.Api;

/// <summary>
/// The dashboard's SLA compliance over a fixture whose breaches are known, on a real SQLite database (the service's
/// migrations), against figures computed by hand below.
/// </summary>
public sealed class DashboardFixtureTests : IAsyncLifetime
{
    static readonly DateTimeOffset AsOf = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    static readonly Guid Acme = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    static readonly Guid Globex = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    static readonly RequestScope Admin = new("grace", SeesAll: true, new HashSet<string>(), OnAccountTeams: false, IsAdmin: true);

    readonly string path = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.db");

    SqliteRequestsDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteRequestsDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);

    public async ValueTask InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        // 1. Acme, billing completed within its OLA; the request fulfilled within SLA.
        db.Requests.Add(Request(1, Acme, AsOf.AddDays(-10), requestBreached: false, ("billing", Done.Completed, false, false)));
        // 2. Acme, billing completed after its OLA (breached), legal completed within; the request fulfilled late (breached).
        db.Requests.Add(Request(2, Acme, AsOf.AddDays(-8), requestBreached: true, ("billing", Done.Completed, true, false), ("legal", Done.Completed, false, false)));
        // 3. Globex, legal rejected within its OLA; the request rejected within SLA.
        db.Requests.Add(Request(3, Globex, AsOf.AddDays(-5), requestBreached: false, ("legal", Done.Rejected, false, false)));
        // 4. Globex, billing open and breached; the request open and breached.
        db.Requests.Add(Request(4, Globex, AsOf.AddDays(-3), requestBreached: true, ("billing", Done.Open, true, true)));
        // 5. Globex, legal open and at risk; the request open and at risk.
        db.Requests.Add(Request(5, Globex, AsOf.AddDays(-1), requestBreached: false, ("legal", Done.Open, false, true), atRisk: true));
        // 6. Acme, billing completed late 40 days ago: outside the 30-day window, so it counts nowhere.
        db.Requests.Add(Request(6, Acme, AsOf.AddDays(-40), requestBreached: true, ("billing", Done.Completed, true, false)));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Compliance_per_department_and_per_client_equals_the_hand_computed_figures()
    {
        await using var db = Open();
        var reply = await DashboardQuery.BuildAsync(db, Admin, 30, AsOf, TestContext.Current.CancellationToken);

        // billing: closed in the window = #1 (within) + #2 (breached) = 2, within 1 → 50 %; open: #4 breached → 1 breached, 0 at risk.
        // legal:   closed = #2 (within) + #3 rejected (within) = 2, within 2 → 100 %; open: #5 at risk → 0 breached, 1 at risk.
        // (#6 closed 40 days ago: outside the window.)
        var departments = reply.Departments.ToDictionary(d => d.Key);
        Assert.Equal((2, 1, 1, 0), Figures(departments["billing"]));
        Assert.Equal((2, 2, 0, 1), Figures(departments["legal"]));
        Assert.Equal(2, departments.Count);

        // Acme:   closed = #1 (within) + #2 (breached) = 2, within 1 → 50 %; nothing open.
        // Globex: closed = #3 rejected (within) = 1, within 1 → 100 %; open: #4 breached, #5 at risk.
        var clients = reply.Clients.ToDictionary(c => c.Key);
        Assert.Equal((2, 1, 0, 0), Figures(clients[Acme.ToString()]));
        Assert.Equal((1, 1, 1, 1), Figures(clients[Globex.ToString()]));
        Assert.Equal(0.5, (double)clients[Acme.ToString()].ClosedWithinSla / clients[Acme.ToString()].Closed);
    }

    static (int Closed, int Within, int Breached, int AtRisk) Figures(SlaCompliance row) => (row.Closed, row.ClosedWithinSla, row.BreachedOpen, row.AtRiskOpen);

    enum Done { Open, Completed, Rejected }

    static ClientRequest Request(int n, Guid client, DateTimeOffset at, bool requestBreached,
        params (string Code, Done Done, bool Breached, bool AtRisk)[] items) => Request(n, client, at, requestBreached, items, atRisk: false);

    static ClientRequest Request(int n, Guid client, DateTimeOffset at, bool requestBreached, (string Code, Done Done, bool Breached, bool AtRisk) item, bool atRisk) =>
        Request(n, client, at, requestBreached, [item], atRisk);

    static ClientRequest Request(int n, Guid client, DateTimeOffset at, bool requestBreached, (string Code, Done Done, bool Breached, bool AtRisk)[] items, bool atRisk)
    {
        var request = new ClientRequest
        {
            Id = Guid.CreateVersion7(at), ClientId = client, ClientName = client == Acme ? "Acme" : "Globex", AccountManagerId = "alice",
            OpenedBy = "alice", Type = "need", Priority = Priority.P2, Title = $"Fixture {n}", Description = "d", RoutedBy = "rules", SubmittedAt = at,
            Breached = requestBreached, AtRisk = atRisk,
        };
        foreach (var (code, _, breached, itemAtRisk) in items)
            request.WorkItems.Add(new RequestWorkItem
            {
                Id = Guid.CreateVersion7(at), RequestId = request.Id, DepartmentCode = code, DepartmentName = code, AssignedAt = at,
                Breached = breached, AtRisk = itemAtRisk,
            });
        request.Record(TimelineKinds.Submitted, "alice", at);
        foreach (var (item, spec) in request.WorkItems.Zip(items).ToList())
        {
            request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, 1, RequestWorkItemStatus.Queued, "system", at.AddMinutes(1)));
            if (spec.Done == Done.Completed)
                request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, 2, RequestWorkItemStatus.Completed, "bob", at.AddHours(3), "done"));
            if (spec.Done == Done.Rejected)
                request.Apply(new WorkItemProgress(item.Id, item.DepartmentCode, 2, RequestWorkItemStatus.Rejected, "bob", at.AddHours(3), "not ours"));
        }
        return request;
    }
}
