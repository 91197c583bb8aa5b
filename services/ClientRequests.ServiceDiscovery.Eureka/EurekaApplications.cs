namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>A registry document (full or delta) as Eureka sends it.</summary>
public sealed record EurekaApplications(IReadOnlyList<EurekaInstance> Instances, string? AppsHashCode);
