namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>Bound from <c>Eureka:Client</c>; the key names follow Steeltoe so existing sites keep their settings.</summary>
public sealed class EurekaClientOptions
{
    public const string SectionName = "Eureka:Client";

    /// <summary>Comma separated Eureka base URLs, e.g. <c>http://eureka:8761/eureka/</c>; tried in order.</summary>
    public string? ServiceUrl { get; set; }

    public bool ShouldRegisterWithEureka { get; set; } = true;

    public bool ShouldFetchRegistry { get; set; } = true;

    /// <summary>Fractions are allowed so tests can poll fast.</summary>
    public double RegistryFetchIntervalSeconds { get; set; } = 30;

    /// <summary>Bounds every call to the registry, so a slow server cannot stall renewals or fetches.</summary>
    public double RequestTimeoutSeconds { get; set; } = 10;

    public IReadOnlyList<Uri> GetServiceUrls() =>
        (ServiceUrl ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute))
            .ToArray();
}
