using System.Security.Claims;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Requests.Grpc;

/// <summary>Asks the clients service who a client is and who is on its account team.</summary>
public sealed class ClientLookup(ClientDirectory.ClientDirectoryClient directory)
{
    public async Task<ClientEntry?> FindAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var reply = await directory.GetClientsAsync(new GetClientsRequest { ClientIds = { clientId.ToString() } }, cancellationToken: cancellationToken);
        return reply.Clients.SingleOrDefault();
    }

    /// <summary>Admins act for every client; otherwise only the client's account manager and their executives.</summary>
    public static bool MayActFor(ClaimsPrincipal user, ClientEntry client)
    {
        if (user.IsAdmin()) return true;
        var userId = user.UserId();
        return client.AccountManagerId == userId || client.AccountExecutiveIds.Contains(userId);
    }
}
