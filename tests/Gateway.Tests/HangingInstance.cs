using System.Net;

namespace Gateway.Tests;

/// <summary>An instance that accepts connections and never answers (a hung process, or a proxy in front of a dead one).</summary>
public sealed class HangingInstance : IDisposable
{
    readonly System.Net.Sockets.TcpListener listener = new(IPAddress.Loopback, 0);
    readonly List<System.Net.Sockets.TcpClient> accepted = [];

    public HangingInstance()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync();
                    lock (accepted) accepted.Add(client);
                }
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException) { /* stopped */ }
        });
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public void Dispose()
    {
        listener.Stop();
        lock (accepted) foreach (var client in accepted) client.Dispose();
    }
}
