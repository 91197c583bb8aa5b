using ClientRequests.ServiceDiscovery.Eureka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ServiceDiscovery;

namespace Microsoft.Extensions.Hosting;

public static class EurekaServiceDiscoveryExtensions
{
    /// <summary>
    /// Adds Eureka registration and resolution when <c>Eureka:Client:ServiceUrl</c> is set; otherwise does nothing.
    /// Call it after <c>services.AddServiceDiscovery()</c>: Eureka then resolves after configuration
    /// (which stays the default) and before the pass-through (plain DNS) provider.
    /// </summary>
    public static IHostApplicationBuilder AddEurekaServiceDiscovery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(EurekaClientOptions.SectionName);
        var client = section.Get<EurekaClientOptions>() ?? new EurekaClientOptions();
        var services = builder.Services;
        if (client.GetServiceUrls().Count == 0 || services.Any(d => d.ServiceType == typeof(EurekaRegistryCache)))
        {
            return builder;
        }

        services.AddOptions<EurekaClientOptions>().BindConfiguration(EurekaClientOptions.SectionName).ValidateOnStart();
        services.AddOptions<EurekaInstanceOptions>().BindConfiguration(EurekaInstanceOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EurekaRegistryCache>();
        services.AddSingleton<EurekaHttpClient>();
        services.AddSingleton<InstanceInfoFactory>();

        if (client.ShouldFetchRegistry)
        {
            services.AddSingleton<EurekaRegistryFetcher>();
            services.AddHostedService(sp => sp.GetRequiredService<EurekaRegistryFetcher>());
            InsertBeforePassThrough(services, ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, EurekaServiceEndpointProviderFactory>());
        }

        if (client.ShouldRegisterWithEureka)
        {
            services.AddHostedService<EurekaRegistrationService>();
        }

        return builder;
    }

    // Providers run in registration order and the pass-through provider answers anything still unresolved
    // with a DNS endpoint, so Eureka must sit before it to be consulted at all.
    private static void InsertBeforePassThrough(IServiceCollection services, ServiceDescriptor descriptor)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IServiceEndpointProviderFactory) &&
                services[i].ImplementationType?.Name == "PassThroughServiceEndpointProviderFactory")
            {
                services.Insert(i, descriptor);
                return;
            }
        }

        services.Add(descriptor);
    }
}
