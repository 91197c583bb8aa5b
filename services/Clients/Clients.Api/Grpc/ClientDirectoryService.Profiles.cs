using ClientRequests.Clients.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Grpc;

/// <summary>What a client 360 shows beyond the directory entry: contacts and the team's names (ADR 0035), batched.</summary>
public sealed partial class ClientDirectoryService
{
    const int MaxProfilesPerCall = 500;

    /// <summary>Contacts are the account team's business: only the clients the caller may read (ClientScope), as over REST.</summary>
    public override async Task<GetContactsReply> GetContacts(GetContactsRequest request, ServerCallContext context)
    {
        if (request.ClientIds.Count > MaxProfilesPerCall)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"client_ids: at most {MaxProfilesPerCall} at once."));
        var (clients, _) = await LoadAsync(request.ClientIds, context.CancellationToken);
        var scope = await db.ScopeOfAsync(context.GetHttpContext().User, context.CancellationToken);
        var readable = clients.Values.Where(c => scope.Sees(c.AccountManagerId)).Select(c => c.Id).ToList();
        var contacts = (await db.Contacts.AsNoTracking().Where(c => readable.Contains(c.ClientId)).ToListAsync(context.CancellationToken))
            .ToLookup(c => c.ClientId);

        var reply = new GetContactsReply();
        foreach (var id in readable)
        {
            var entry = new ClientContacts { ClientId = id.ToString() };
            entry.Contacts.AddRange(contacts[id].OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new ContactEntry
            {
                Id = c.Id.ToString(), Name = c.Name, Role = c.Role ?? "", Email = c.Email ?? "", Phone = c.Phone ?? "",
            }));
            reply.Clients.Add(entry);
        }
        return reply;
    }

    /// <summary>Names are no secret among signed-in users: the console shows who serves a client, whoever asks.</summary>
    public override async Task<GetPeopleReply> GetPeople(GetPeopleRequest request, ServerCallContext context)
    {
        if (request.UserIds.Count > MaxProfilesPerCall)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"user_ids: at most {MaxProfilesPerCall} at once."));
        var ids = request.UserIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToListAsync(context.CancellationToken);
        var reply = new GetPeopleReply();
        reply.People.AddRange(people.Select(p => new PersonEntry { UserId = p.UserId, Name = p.Name }));
        return reply;
    }
}
