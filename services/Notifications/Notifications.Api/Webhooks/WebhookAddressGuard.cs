using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Webhooks;

/// <summary>
/// Keeps webhooks from reaching into our own network (SSRF). Checked when a subscription is made and again
/// on every connect, so a host name that later resolves to a private address is refused too.
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options)
{
    public async Task<string?> RefusalAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "'url' must be an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "'url' must not carry credentials.";
        IPAddress[] addresses;
        try { addresses = await ResolveAsync(uri.IdnHost, cancellationToken); }
        catch (SocketException) { return $"'url' host '{uri.Host}' does not resolve."; }
        return addresses.Length > 0 && addresses.All(IsAllowed) ? null : "'url' must not point to a loopback, private or link-local address.";
    }

    public bool IsAllowed(IPAddress address) => options.Value.AllowPrivateAddresses || IsPublic(address);

    /// <summary>The connect step of the webhook HTTP handler: only to an allowed address of the host.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = (await ResolveAsync(context.DnsEndPoint.Host, cancellationToken)).Where(IsAllowed).ToArray();
        if (addresses.Length == 0)
            throw new HttpRequestException($"Webhook host '{context.DnsEndPoint.Host}' resolves to no address webhooks may reach.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 => b[1] is < 64 or > 127,            // 100.64.0.0/10, carrier-grade NAT
            169 => b[1] != 254,                      // link-local, cloud metadata endpoints
            172 => b[1] is < 16 or > 31,
            192 => !(b[1] == 168 || (b[1] == 0 && b[2] == 0)),
            >= 224 => false,                         // multicast, reserved, broadcast
            _ => true,
        };
    }
}
