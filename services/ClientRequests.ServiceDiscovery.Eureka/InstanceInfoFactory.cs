using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>Describes this process to Eureka, filling what is not configured from Kestrel's endpoints and the host.</summary>
public sealed class InstanceInfoFactory(
    IOptions<EurekaInstanceOptions> options,
    IConfiguration configuration,
    IHostEnvironment environment)
{
    public const string GrpcPortKey = "grpcPort";

    public EurekaInstance Create()
    {
        var o = options.Value;
        var appName = (o.AppName ?? environment.ApplicationName).ToUpperInvariant();
        var hostName = o.HostName ?? Dns.GetHostName();
        var port = o.Port ?? PortOf("Kestrel:Endpoints:Http:Url") ?? 8080;
        var metadata = new Dictionary<string, string>(o.MetadataMap, StringComparer.OrdinalIgnoreCase);
        if (!metadata.ContainsKey(GrpcPortKey) && PortOf("Kestrel:Endpoints:Grpc:Url") is { } grpcPort)
        {
            metadata[GrpcPortKey] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var baseUrl = o.SecurePortEnabled ? $"https://{hostName}:{o.SecurePort}" : $"http://{hostName}:{port}";
        return new EurekaInstance
        {
            App = appName,
            InstanceId = o.InstanceId ?? $"{hostName}:{appName.ToLowerInvariant()}:{port}",
            HostName = hostName,
            IpAddr = o.IpAddress ?? IpAddressOf(hostName),
            Status = EurekaInstance.Starting,
            Port = port,
            PortEnabled = true,
            SecurePort = o.SecurePort,
            SecurePortEnabled = o.SecurePortEnabled,
            VipAddress = o.VipAddress ?? appName.ToLowerInvariant(),
            HealthCheckUrl = baseUrl + o.HealthCheckUrlPath,
            StatusPageUrl = baseUrl + o.StatusPageUrlPath,
            HomePageUrl = baseUrl + o.HomePageUrlPath,
            RenewalIntervalInSecs = Math.Max(1, (int)Math.Round(o.LeaseRenewalIntervalInSeconds)),
            DurationInSecs = o.LeaseExpirationDurationInSeconds,
            Metadata = metadata,
        };
    }

    // Kestrel URLs use "+" or "*" as the host, which Uri does not accept: swap it before parsing.
    private int? PortOf(string key) =>
        configuration[key] is { Length: > 0 } url &&
        Uri.TryCreate(url.Replace("://+", "://any").Replace("://*", "://any"), UriKind.Absolute, out var uri)
            ? uri.Port
            : null;

    private static string IpAddressOf(string hostName)
    {
        try
        {
            return Dns.GetHostAddresses(hostName)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?.ToString() ?? "127.0.0.1";
        }
        catch (SocketException)
        {
            return "127.0.0.1";
        }
    }
}
