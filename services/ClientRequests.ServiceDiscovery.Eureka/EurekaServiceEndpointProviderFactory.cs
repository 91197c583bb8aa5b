using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>Creates one <see cref="EurekaServiceEndpointProvider"/> per resolved name; all share the one cache.</summary>
public sealed class EurekaServiceEndpointProviderFactory(EurekaRegistryCache cache, ILogger<EurekaServiceEndpointProvider> logger)
    : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, out IServiceEndpointProvider provider)
    {
        provider = new EurekaServiceEndpointProvider(query, cache, logger);
        return true;
    }
}
