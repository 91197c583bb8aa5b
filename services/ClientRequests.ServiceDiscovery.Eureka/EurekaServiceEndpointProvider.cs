using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// Resolves <c>http://requests</c> to the UP instances of Eureka app REQUESTS, and <c>http://_grpc.requests</c>
/// to the same hosts on the port in their <c>grpcPort</c> metadata. Other named endpoints use <c>{name}Port</c>.
/// </summary>
public sealed partial class EurekaServiceEndpointProvider(
    ServiceEndpointQuery query,
    EurekaRegistryCache cache,
    ILogger<EurekaServiceEndpointProvider> logger) : IServiceEndpointProvider
{
    private static readonly string[] DefaultSchemes = ["http", "https"];

    public ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        // Configuration is the default and runs first: when it already answered, Eureka stays out of the way.
        if (endpoints.Endpoints.Count != 0)
        {
            return default;
        }

        // Subscribe before reading, so a change between the two still triggers a refresh.
        endpoints.AddChangeToken(cache.GetChangeToken());
        var schemes = query.IncludedSchemes.Count == 0 ? DefaultSchemes : query.IncludedSchemes;
        var added = 0;
        foreach (var instance in cache.GetInstances(query.ServiceName).Where(i => i.IsUp))
        {
            if (ToUri(instance, schemes) is { } uri)
            {
                var endpoint = ServiceEndpoint.Create(new UriEndPoint(uri));
                endpoint.Features.Set<IServiceEndpointProvider>(this);
                endpoints.Endpoints.Add(endpoint);
                added++;
            }
        }

        Log.Resolved(logger, query.ToString()!, added);
        return default;
    }

    private Uri? ToUri(EurekaInstance instance, IReadOnlyList<string> schemes)
    {
        if (!string.IsNullOrEmpty(query.EndpointName))
        {
            var key = query.EndpointName + "Port";
            return instance.Metadata.TryGetValue(key, out var text) &&
                int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
                ? new Uri($"{schemes[0]}://{instance.HostName}:{port}")
                : null;
        }

        // Honour the caller's scheme preference ("https+http://requests" prefers TLS when the instance has it).
        foreach (var scheme in schemes)
        {
            if (scheme == "https" && instance.SecurePortEnabled)
            {
                return new Uri($"https://{instance.HostName}:{instance.SecurePort}");
            }

            if (scheme == "http" && instance.PortEnabled)
            {
                return new Uri($"http://{instance.HostName}:{instance.Port}");
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => default;

    public override string ToString() => "Eureka";

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Debug, "Eureka resolved {Query} to {Count} UP endpoints")]
        public static partial void Resolved(ILogger logger, string query, int count);
    }
}
