using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientRequests.ServiceDefaults.Data;

/// <summary>
/// Lets one SaveChanges of this process write to the SQLite file at a time. SQLite has one writer anyway; when
/// two collide, Microsoft.Data.Sqlite retries the loser after sleeping 150 ms, which under load (the API, the
/// consumers and the outbox dispatcher of one service all write) costs far more than waiting in line here. Other processes are still kept apart by SQLite's busy
/// handling. Registered by AddServiceDatabase for the SQLite provider only.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    /// <summary>A gate never released (a path EF does not report) must cost speed, not a hang: past this, write anyway.</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    readonly SemaphoreSlim gate = new(1, 1);
    readonly ConditionalWeakTable<DbContext, object> holders = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Applies(eventData.Context) && gate.Wait(MaxWait)) holders.AddOrUpdate(eventData.Context!, this);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Applies(eventData.Context) && await gate.WaitAsync(MaxWait, cancellationToken)) holders.AddOrUpdate(eventData.Context!, this);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) { Release(eventData.Context); return result; }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A concurrency conflict is reported here and not through SaveChangesFailed: release the gate here too.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    static bool Applies(DbContext? context) => context is not null && context.Database.IsSqlite();

    void Release(DbContext? context)
    {
        if (context is not null && holders.Remove(context)) gate.Release();
    }
}
