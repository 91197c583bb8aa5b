using ClientRequests.Clients.Grpc;
using ClientRequests.Requests.Grpc;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>Contacts by client id: one <c>ClientDirectory.GetContacts</c> per level; clients the caller may not read resolve to null.</summary>
public sealed class ContactsLoader(ClientDirectory.ClientDirectoryClient directory) : BatchLoader<string, IReadOnlyList<ContactEntry>>
{
    /// <summary>The clients service's limit per call.</summary>
    protected override int MaxBatch => 500;

    protected override async Task<IReadOnlyDictionary<string, IReadOnlyList<ContactEntry>>> FetchAsync(IReadOnlyList<string> keys,
        CancellationToken cancellationToken)
    {
        var reply = await directory.GetContactsAsync(new GetContactsRequest { ClientIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Clients.ToDictionary(c => c.ClientId, c => (IReadOnlyList<ContactEntry>)c.Contacts.ToList(), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>People's names by user id: one <c>ClientDirectory.GetPeople</c> per level; an unknown name resolves to null.</summary>
public sealed class PeopleLoader(ClientDirectory.ClientDirectoryClient directory) : BatchLoader<string, PersonEntry>
{
    protected override int MaxBatch => 500;

    protected override async Task<IReadOnlyDictionary<string, PersonEntry>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetPeopleAsync(new GetPeopleRequest { UserIds = { keys } }, cancellationToken: cancellationToken);
        return reply.People.ToDictionary(p => p.UserId, StringComparer.Ordinal);
    }
}

/// <summary>
/// A client's requests as the 360 shows them (open ones, recent events, satisfaction by month): one
/// <c>RequestDirectory.GetClientActivity</c> per level, whichever of the three a query asks for. Clients the caller
/// may not see resolve to null.
/// </summary>
public sealed class ClientActivityLoader(RequestDirectory.RequestDirectoryClient directory) : BatchLoader<string, ClientActivity>
{
    /// <summary>The requests service's limit per call (RequestDirectoryService.MaxClients).</summary>
    protected override int MaxBatch => 100;

    protected override async Task<IReadOnlyDictionary<string, ClientActivity>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetClientActivityAsync(new GetClientActivityRequest { ClientIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Clients.ToDictionary(c => c.ClientId, StringComparer.OrdinalIgnoreCase);
    }
}
