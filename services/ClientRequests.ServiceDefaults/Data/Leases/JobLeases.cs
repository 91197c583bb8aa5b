using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDefaults.Data.Leases;

/// <summary>
/// Runs a service's periodic jobs once per period across its replicas (ADR 0031). Each job has a row in the
/// service's <c>Leases</c> table; a replica runs a period's work only after one conditional UPDATE has made it the
/// holder (it already was, or the lease had run out). The holder renews on every run; when it dies, another replica
/// takes over once the lease has run out: within <see cref="TakeoverBound"/> of the holder's last run.
/// </summary>
public sealed class JobLeases<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobLeases<TContext>> logger)
    where TContext : DbContext
{
    /// <summary>This replica: machine, process and an instance id (two hosts in one test process differ).</summary>
    public string Holder { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}", Lease.HolderMax);

    /// <summary>
    /// How long a lease lasts: two periods, so a holder that is a little late (a slow run, a busy machine) keeps it.
    /// </summary>
    public static TimeSpan LeaseFor(TimeSpan period) => period * 2;

    /// <summary>The longest a job goes without a run when its holder dies: the lease, then up to one period.</summary>
    public static TimeSpan TakeoverBound(TimeSpan period) => LeaseFor(period) + period;

    /// <summary>Calls <paramref name="work"/> once per <paramref name="period"/> on whichever replica holds <paramref name="job"/>.</summary>
    public async Task RunEveryAsync(string job, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            do
            {
                if (await TryHoldAsync(job, LeaseFor(period), stoppingToken)) await work(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            // A replica that stops cleanly (a rolling update) hands over at once instead of after the lease.
            await ReleaseAsync(job);
        }
    }

    /// <summary>True when this replica holds <paramref name="job"/> for <paramref name="duration"/> from now.</summary>
    public async Task<bool> TryHoldAsync(string job, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var leases = db.Set<Lease>();
            var now = clock.GetUtcNow();
            var until = now + duration;
            var holder = Holder;
            var renewed = await leases.Where(l => l.Name == job && (l.Holder == holder || l.ExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
            if (renewed == 1) return Held(job, now, until);
            if (await leases.AnyAsync(l => l.Name == job, cancellationToken)) return false;

            leases.Add(new Lease { Name = job, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return Held(job, now, until);
        }
        catch (DbUpdateException)
        {
            // Another replica created the lease first: it holds this period.
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is away: nobody can tell who holds the job, so this replica leaves the period out.
            logger.LogWarning(e, "Lease {Job} could not be checked; this period's run is left out", job);
            return false;
        }
    }

    /// <summary>
    /// One line per period's run, at Debug: the chaos suite counts the runs of every replica from these lines
    /// (a job that ran twice in a period shows as two holders whose leases overlap).
    /// </summary>
    bool Held(string job, DateTimeOffset from, DateTimeOffset until)
    {
        logger.LogDebug("Lease {Job} held by {Holder} from {From:O} until {Until:O}", job, Holder, from, until);
        return true;
    }

    async Task ReleaseAsync(string job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var holder = Holder;
            var now = clock.GetUtcNow();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await db.Set<Lease>().Where(l => l.Name == job && l.Holder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Lease {Job} not released; it runs out by itself", job);
        }
    }

    static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
