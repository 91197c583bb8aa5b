using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Queues;

/// <summary>
/// Offers waiting items of load-aware departments to their members. One pass at a time in this process, so
/// passes never race each other here; replicas race through the items' and members' version columns, and the
/// loser simply runs its pass again. A sweep every few seconds catches what a signal missed.
/// </summary>
public sealed class LoadAwareAssigner(IServiceScopeFactory scopes, AssignmentSignal signal, IConfiguration configuration,
    ILogger<LoadAwareAssigner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = configuration.GetValue("Departments:AssignmentSweepInterval", TimeSpan.FromSeconds(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(sweep);
                try { codes.Add(await signal.Reader.ReadAsync(wait.Token)); }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { codes.Add("*"); }
            }
            while (signal.Reader.TryRead(out var more)) codes.Add(more);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DepartmentsDbContext>();
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                if (codes.Contains("*"))
                    codes = (await db.Departments.Where(d => d.LoadAware).Select(d => d.Code).ToListAsync(stoppingToken)).ToHashSet();
                foreach (var code in codes) await AssignWaitingAsync(db, clock, code, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Load-aware assignment pass failed; the next pass retries");
            }
        }
    }

    /// <summary>Offers the department's waiting items, oldest first, until nobody eligible has capacity.</summary>
    public static async Task<int> AssignWaitingAsync(DepartmentsDbContext db, TimeProvider clock, string code, CancellationToken cancellationToken)
    {
        var assigned = 0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                var batch = await AssignBatchAsync(db, clock, code, cancellationToken);
                assigned += batch;
                if (batch == 0) return assigned;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An agent claimed one of these items (or a member took one) meanwhile: read again and retry.
            }
        }
        return assigned;
    }

    static async Task<int> AssignBatchAsync(DepartmentsDbContext db, TimeProvider clock, string code, CancellationToken cancellationToken)
    {
        var department = await db.Departments.Include(d => d.Members).SingleOrDefaultAsync(d => d.Code == code && d.LoadAware, cancellationToken);
        if (department is null || department.Members.Count == 0) return 0;
        var loads = await MemberLoads.ForDepartmentAsync(db, code, cancellationToken);
        var free = department.Members.Sum(m => Math.Max(0, m.Capacity - loads.GetValueOrDefault(m.UserId)));
        if (free == 0) return 0;

        var waiting = await db.WorkItems.Where(i => i.DepartmentCode == code && i.Status == WorkItemStatus.Queued)
            .OrderBy(i => i.QueuedAt).ThenBy(i => i.Id).Take(Math.Min(free, 100)).ToListAsync(cancellationToken);
        var turn = department.Members.Max(m => m.LastAssignedTurn);
        var now = clock.GetUtcNow();
        var assigned = 0;
        foreach (var item in waiting)
        {
            var candidates = department.Members.Select(m =>
                new Candidate(m.UserId, m.Skills, m.Capacity, loads.GetValueOrDefault(m.UserId), m.LastAssignedTurn));
            if (Assignment.Choose(candidates, item.RequiredSkills) is not { } chosen) continue;
            var member = department.Members.Single(m => m.UserId == chosen.UserId);
            db.Publish(item.Claim(member.UserId, now).Event!, clock);
            member.LastAssignedTurn = ++turn;
            member.Version++;
            loads[member.UserId] = chosen.Load + 1;
            assigned++;
        }
        if (assigned > 0) await db.SaveChangesAsync(cancellationToken);
        return assigned;
    }
}
