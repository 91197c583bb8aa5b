using System.Diagnostics;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.Data.Sqlite;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// The requests service's SQLite file is locked by another connection (an exclusive transaction, as a backup
/// tool or a stuck admin session would hold it) for 30 s under steady load. Opening a request must then answer a
/// 503 ProblemDetails with Retry-After, nothing accepted may be lost, and the outbox must drain once the lock goes.
/// (Making the file read-only is no fault here: the suite runs as root, which file permissions do not stop.)
/// </summary>
[Collection("whole platform")]
public sealed class DatabaseLockTests(ITestOutputHelper output)
{
    static readonly TimeSpan LockFor = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_the_requests_database_is_locked_requests_get_503_with_Retry_After_and_nothing_accepted_is_lost()
    {
        await using var platform = await Platform.StartAsync(settings: new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "10000000" });
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        // A locked database makes each write wait out the busy timeout before it gives up: give the answer time to come.
        alice.Timeout = TimeSpan.FromSeconds(90);
        var clock = Stopwatch.StartNew();
        var load = new SteadyLoad(alice, requestsPerSecond: 3);
        await Task.Delay(TimeSpan.FromSeconds(5));

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(platform.DataFolder, "requests.db")};Default Timeout=30;Pooling=False"))
        {
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: requests.db locked");
            await Task.Delay(LockFor);
            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: requests.db released");
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: load stopped");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        DatabaseSnapshot snapshot;
        Reconciliation result;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            snapshot = await DatabaseSnapshot.ReadAsync(platform.DataFolder);
            result = Reconciler.Reconcile(load.Attempts, snapshot);
        } while ((!result.Clean || snapshot.RequestsOutboxPending > 0) && DateTime.UtcNow < deadline);

        var unavailable = load.Attempts.Where(a => a.Status == 503).ToList();
        var summary = $"attempted {result.Attempted}, accepted {result.Accepted}, refused {result.Refused} ({unavailable.Count} × 503, " +
            $"{unavailable.Count(a => a.RetryAfter)} with Retry-After), indeterminate {result.Indeterminate} ({result.IndeterminateRecorded} recorded), " +
            $"lost {result.Anomalies.Lost}, duplicated {result.Anomalies.Duplicated}, unexpected {result.Anomalies.Unexpected}, " +
            $"ok fraction {result.OkFraction:F4}, outbox unsent {snapshot.RequestsOutboxPending}, drained {clock.Elapsed.TotalSeconds:F0} s after the start\n" +
            string.Join("\n", result.Examples.Concat(load.Attempts.Where(a => a.Outcome != Outcome.Accepted).Take(5).Select(a => $"{a.Status}: {a.Error}")));
        output.WriteLine(summary);
        var reportFolder = Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "chaos")).FullName;
        await File.WriteAllTextAsync(Path.Combine(reportFolder, "database-lock.txt"), summary);
        var failure = summary + "\n" + platform.Logs();

        Assert.True(unavailable.Count > 0, $"No request was refused while the database was locked.\n{failure}");
        Assert.All(unavailable, a =>
        {
            Assert.True(a.RetryAfter, $"A 503 without Retry-After: {a.Error}");
            Assert.Equal(Outcome.Refused, a.Outcome);
        });
        Assert.True(load.Attempts.All(a => a.Status is 201 or 503), $"Only 201 and 503 are right answers here.\n{failure}");
        Assert.True(result.Accepted > 0, failure);
        Assert.True(result.Clean, $"Lost, duplicated or unexpected records.\n{failure}");
        Assert.Equal(0, snapshot.RequestsOutboxPending);
    }
}
