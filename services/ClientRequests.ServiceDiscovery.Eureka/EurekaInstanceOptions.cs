namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>Bound from <c>Eureka:Instance</c>: how this process describes itself to the registry.</summary>
public sealed class EurekaInstanceOptions
{
    public const string SectionName = "Eureka:Instance";

    /// <summary>Defaults to the application name (<c>IHostEnvironment.ApplicationName</c>).</summary>
    public string? AppName { get; set; }

    /// <summary>Defaults to <c>{HostName}:{AppName}:{Port}</c>, unique per pod or process.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Defaults to the machine's DNS name (the pod name in Kubernetes).</summary>
    public string? HostName { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Defaults to the port of <c>Kestrel:Endpoints:Http:Url</c>, else 8080.</summary>
    public int? Port { get; set; }

    public int SecurePort { get; set; } = 443;

    public bool SecurePortEnabled { get; set; }

    public string? VipAddress { get; set; }

    public double LeaseRenewalIntervalInSeconds { get; set; } = 30;

    public int LeaseExpirationDurationInSeconds { get; set; } = 90;

    public string HealthCheckUrlPath { get; set; } = "/health/ready";

    public string StatusPageUrlPath { get; set; } = "/health/live";

    public string HomePageUrlPath { get; set; } = "/";

    /// <summary>Free-form metadata; <c>grpcPort</c> defaults to the port of <c>Kestrel:Endpoints:Grpc:Url</c>.</summary>
    public Dictionary<string, string> MetadataMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
