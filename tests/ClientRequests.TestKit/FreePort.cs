using System.Net;
using System.Net.Sockets;

namespace ClientRequests.TestKit;

public static class FreePort
{
    const int Lowest = 10_000;
    static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nothing listens on right now, below the system's ephemeral range: a port the kernel hands out
    /// for port 0 is also what it picks for outgoing connections, so under load a service could find "its" port taken
    /// by some client's socket before it binds. Each port is handed out once per test process.
    /// </summary>
    public static int Next()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            lock (HandedOut)
                if (!HandedOut.Add(port)) continue;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {below}.");
    }

    static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (int.TryParse(range[0], out var start) && start > Lowest + 1000) return start;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 32_768;
    }
}
