using System.Net;
using System.Net.Sockets;

namespace Gateway.Tests;

/// <summary>An instance that takes each call and dies before answering: reads the request, then closes the connection.</summary>
public sealed class DroppingInstance : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public DroppingInstance()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    var buffer = new byte[8192];
                    _ = await client.GetStream().ReadAsync(buffer);
                    client.Client.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException) { /* stopped */ }
        });
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public void Dispose() => listener.Stop();
}
