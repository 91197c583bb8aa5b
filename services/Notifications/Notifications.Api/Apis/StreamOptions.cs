namespace ClientRequests.Notifications.Apis;

/// <summary>Bound from <c>Notifications:Stream</c>.</summary>
public sealed class StreamOptions
{
    public const string Section = "Notifications:Stream";

    /// <summary>Each stream reads the database, so it sees what any replica's consumer wrote.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Keeps proxies from closing a quiet stream.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How far back each poll looks for rows whose transaction committed after a newer one's.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(5);
}
