namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>The parts of Eureka's InstanceInfo that registration and resolution need.</summary>
public sealed record EurekaInstance
{
    public const string Up = "UP";
    public const string Down = "DOWN";
    public const string Starting = "STARTING";

    public required string InstanceId { get; init; }
    public required string App { get; init; }
    public required string HostName { get; init; }
    public string IpAddr { get; init; } = "";
    public string Status { get; init; } = Up;
    public int Port { get; init; }
    public bool PortEnabled { get; init; } = true;
    public int SecurePort { get; init; }
    public bool SecurePortEnabled { get; init; }
    public string VipAddress { get; init; } = "";
    public string HealthCheckUrl { get; init; } = "";
    public string StatusPageUrl { get; init; } = "";
    public string HomePageUrl { get; init; } = "";
    public int RenewalIntervalInSecs { get; init; } = 30;
    public int DurationInSecs { get; init; } = 90;
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Only set on delta entries: ADDED, MODIFIED or DELETED.</summary>
    public string? ActionType { get; init; }

    public bool IsUp => string.Equals(Status, Up, StringComparison.OrdinalIgnoreCase);
}
