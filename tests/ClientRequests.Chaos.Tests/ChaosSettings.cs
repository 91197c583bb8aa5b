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

    public static ChaosSettings FromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable(Switch), "long", StringComparison.OrdinalIgnoreCase) ? Long : Short;
}
