using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Grpc;
using MassTransit;
using Microsoft.Extensions.Caching.Memory;

namespace ClientRequests.Requests.Consumers;

/// <summary>A new client's first team, so its requests are visible to that team from the first one on.</summary>
public sealed class ClientRegisteredConsumer(RequestsDbContext db, TimeProvider clock, IMemoryCache cache)
    : IdempotentConsumer<ClientRegistered, RequestsDbContext>(db, clock)
{
    protected override string InboxName => "ClientRegisteredConsumer";

    protected override async Task ApplyAsync(ConsumeContext<ClientRegistered> context)
    {
        var m = context.Message;
        await Db.ApplyAsync(m.ClientId, m.AccountManagerId, m.AccountExecutiveIds, m.RegisteredAt, context.CancellationToken);
        ClientLookup.Forget(cache, m.ClientId);
    }
}
