using System.Security.Claims;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.Extensions.Caching.Memory;

namespace ClientRequests.Requests.Grpc;

/// <summary>Asks the clients service who a client is and who is on its account team.</summary>
public sealed class ClientLookup(ClientDirectory.ClientDirectoryClient directory, IMemoryCache cache)
{
    /// <summary>
    /// Long enough that a burst of calls about one client (an import) asks the directory once; a team change is
    /// honoured at once, since its event evicts the entry (<see cref="Forget"/>).
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

    /// <summary>A team change makes what is cached about the client stale: the next question asks the directory again.</summary>
    public static void Forget(IMemoryCache cache, Guid clientId) => cache.Remove(("client", clientId));

    /// <summary>Admins act for every client; otherwise only the client's account manager and their executives.</summary>
    public static bool MayActFor(ClaimsPrincipal user, ClientEntry client)
    {
        if (user.IsAdmin()) return true;
        var userId = user.UserId();
        return client.AccountManagerId == userId || client.AccountExecutiveIds.Contains(userId);
    }
}
