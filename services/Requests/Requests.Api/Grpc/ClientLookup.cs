using System.Security.Claims;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.Extensions.Caching.Memory;

namespace ClientRequests.Requests.Grpc;

/// <summary>Asks the clients service who a client is and who is on its account team.</summary>
public sealed class ClientLookup(ClientDirectory.ClientDirectoryClient directory, IMemoryCache cache)
{
    /// <summary>
    /// Short enough that a team change is honoured within the minute, long enough that a burst of calls about
    /// one client (an import, a dashboard) asks the directory once.
    /// </summary>
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ClientEntry?> FindAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(("client", clientId), out ClientEntry? cached)) return cached;
        var reply = await directory.GetClientsAsync(new GetClientsRequest { ClientIds = { clientId.ToString() } }, cancellationToken: cancellationToken);
        var client = reply.Clients.SingleOrDefault();
        // Unknown clients are not cached: one registered a moment ago must not stay unknown for the whole period.
        if (client is not null) cache.Set(("client", clientId), client, CacheFor);
        return client;
    }

    /// <summary>Admins act for every client; otherwise only the client's account manager and their executives.</summary>
    public static bool MayActFor(ClaimsPrincipal user, ClientEntry client)
    {
        if (user.IsAdmin()) return true;
        var userId = user.UserId();
        return client.AccountManagerId == userId || client.AccountExecutiveIds.Contains(userId);
    }
}
