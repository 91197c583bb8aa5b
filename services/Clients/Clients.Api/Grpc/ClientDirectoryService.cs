using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Grpc;

/// <summary>
/// The other services' question, in batches: does client X exist, who is on its team, may user U act for it?
/// Every call costs a fixed number of indexed queries however many ids it carries.
/// </summary>
public sealed partial class ClientDirectoryService(ClientsDbContext db, TimeProvider clock) : ClientDirectory.ClientDirectoryBase
{
    /// <summary>Ids per IN list: keeps SQL Server well under its 2,100 parameters per statement.</summary>
    const int ChunkSize = 500;
    const int MaxIdsPerCall = 10_000;

    public override async Task<GetClientsReply> GetClients(GetClientsRequest request, ServerCallContext context)
    {
        if (request.ClientIds.Count > MaxIdsPerCall)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"At most {MaxIdsPerCall} client ids per call."));
        var (clients, unknown) = await LoadAsync(request.ClientIds, context.CancellationToken);
        var managers = clients.Values.Select(c => c.AccountManagerId).Distinct().ToList();
        var teams = await db.ExecutivesByManagerAsync(managers, context.CancellationToken);
        var now = clock.GetUtcNow();
        var health = await db.SignalsForAsync(clients.Keys.ToList(), now, context.CancellationToken);

        var reply = new GetClientsReply();
        reply.UnknownClientIds.AddRange(unknown);
        foreach (var client in clients.Values)
        {
            var entry = new ClientEntry
            {
                Id = client.Id.ToString(), Name = client.Name, Tier = WireNames.Name(client.Tier), Status = WireNames.Name(client.Status),
                AccountManagerId = client.AccountManagerId,
            };
            entry.AccountExecutiveIds.AddRange(teams.GetValueOrDefault(client.AccountManagerId) ?? []);
            entry.AddHealth(HealthReports.Build(health[client.Id], now));
            reply.Clients.Add(entry);
        }
        return reply;
    }

    public override async Task<CheckAccessReply> CheckAccess(CheckAccessRequest request, ServerCallContext context)
    {
        if (request.Queries.Count > MaxIdsPerCall)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"At most {MaxIdsPerCall} queries per call."));
        var (clients, _) = await LoadAsync(request.Queries.Select(q => q.ClientId), context.CancellationToken);
        var users = request.Queries.Select(q => q.UserId).Distinct().ToList();
        var reportsTo = await db.ExecutiveAssignments.AsNoTracking().Where(a => users.Contains(a.ExecutiveId))
            .ToDictionaryAsync(a => a.ExecutiveId, a => a.ManagerId, context.CancellationToken);

        var reply = new CheckAccessReply();
        foreach (var query in request.Queries)
        {
            var answer = new AccessAnswer { UserId = query.UserId, ClientId = query.ClientId };
            if (Guid.TryParse(query.ClientId, out var id) && clients.TryGetValue(id, out var client))
            {
                var scope = ClientScope.For(query.UserId, query.Roles.ToList(), reportsTo.GetValueOrDefault(query.UserId));
                (answer.ClientExists, answer.MayRead, answer.MayAct) = (true, scope.Sees(client.AccountManagerId), scope.ActsFor(client.AccountManagerId));
            }
            reply.Answers.Add(answer);
        }
        return reply;
    }

    /// <summary>
    /// Every client's team, a page at a time in id order, so another service can rebuild its copy without a user
    /// (ADR 0029). Each page says when it was read: an event stamped after the first page's time is newer than the copy.
    /// </summary>
    [Authorize(Policy = Policies.DirectoryReader)]
    public override async Task<ListAccountTeamsReply> ListAccountTeams(ListAccountTeamsRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > MaxTeamsPerPage)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit: between 1 and {MaxTeamsPerPage}."));
        Guid? after = null;
        if (request.AfterClientId.Length > 0)
            after = Guid.TryParse(request.AfterClientId, out var parsed) ? parsed
                : throw new RpcException(new Status(StatusCode.InvalidArgument, "after_client_id: not a client id."));
        var limit = request.Limit == 0 ? DefaultTeamsPerPage : request.Limit;
        var asOf = clock.GetUtcNow();
        var query = db.Clients.AsNoTracking();
        if (after is { } last) query = query.Where(c => c.Id.CompareTo(last) > 0);
        var clients = await query.OrderBy(c => c.Id).Take(limit + 1).Select(c => new { c.Id, c.AccountManagerId }).ToListAsync(context.CancellationToken);
        var page = clients.Take(limit).ToList();
        var teams = await db.ExecutivesByManagerAsync(page.Select(c => c.AccountManagerId).Distinct().ToList(), context.CancellationToken);

        var reply = new ListAccountTeamsReply
        {
            AsOf = Timestamp.FromDateTimeOffset(asOf), NextAfterClientId = clients.Count > limit ? page[^1].Id.ToString() : "",
        };
        foreach (var client in page)
        {
            var entry = new AccountTeamEntry { ClientId = client.Id.ToString(), AccountManagerId = client.AccountManagerId };
            entry.AccountExecutiveIds.AddRange(teams.GetValueOrDefault(client.AccountManagerId) ?? []);
            reply.Teams.Add(entry);
        }
        return reply;
    }

    const int DefaultTeamsPerPage = 500;
    const int MaxTeamsPerPage = 1000;

    async Task<(Dictionary<Guid, Client> Clients, List<string> Unknown)> LoadAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var texts = ids.Distinct().ToList();
        var parsed = texts.Select(t => (Text: t, Ok: Guid.TryParse(t, out var id), Id: id)).ToList();
        var clients = new Dictionary<Guid, Client>();
        foreach (var chunk in parsed.Where(p => p.Ok).Select(p => p.Id).Distinct().Chunk(ChunkSize))
            foreach (var client in await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken))
                clients[client.Id] = client;
        var unknown = parsed.Where(p => !p.Ok || !clients.ContainsKey(p.Id)).Select(p => p.Text).ToList();
        return (clients, unknown);
    }
}
