namespace ClientRequests.Chaos.Tests;

/// <summary>
/// How hard a run shakes the platform. The normal test run takes the short variant (one round of faults, about a
/// minute); <c>CLIENTREQUESTS_CHAOS=long</c> takes three rounds and more load (a few minutes, under ten).
/// </summary>
public sealed record ChaosSettings(string Name, int Rounds, double RequestsPerSecond, TimeSpan Pause, TimeSpan SettleTimeout)
{
    public const string Switch = "CLIENTREQUESTS_CHAOS";

    public static ChaosSettings Short { get; } = new("short", Rounds: 1, RequestsPerSecond: 6, Pause: TimeSpan.FromSeconds(4), SettleTimeout: TimeSpan.FromSeconds(300));

    public static ChaosSettings Long { get; } = new("long", Rounds: 3, RequestsPerSecond: 8, Pause: TimeSpan.FromSeconds(10), SettleTimeout: TimeSpan.FromSeconds(300));

    /// <summary>The production shape (PostgreSQL, two replicas each: eleven processes on a 2-core machine): lighter load, one fault after another.</summary>
    public static ChaosSettings ProductionShort { get; } = new("production-short", Rounds: 1, RequestsPerSecond: 4, Pause: TimeSpan.FromSeconds(4), SettleTimeout: TimeSpan.FromSeconds(300));

    public static ChaosSettings ProductionLong { get; } = new("production-long", Rounds: 2, RequestsPerSecond: 6, Pause: TimeSpan.FromSeconds(10), SettleTimeout: TimeSpan.FromSeconds(300))
    {
        FaultFree = TimeSpan.FromSeconds(60),
    };

    /// <summary>Load before the first fault: the part where no outbox row may be published twice and each job runs once per period.</summary>
    public TimeSpan FaultFree { get; init; } = TimeSpan.FromSeconds(20);

    static bool IsLong => string.Equals(Environment.GetEnvironmentVariable(Switch), "long", StringComparison.OrdinalIgnoreCase);

    public static ChaosSettings FromEnvironment() => IsLong ? Long : Short;

    public static ChaosSettings ProductionFromEnvironment() => IsLong ? ProductionLong : ProductionShort;
}
