using System.Net;
using System.Net.Sockets;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

/// <summary>How the fake registry answers fetches: normally, 503, truncated JSON, or after 5 s.</summary>
public enum FetchMode { Normal, ServerError, Malformed, Slow }

public static class TestPorts
{
    /// <summary>A free loopback port, reserved and released, so a server can come up on it later.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
