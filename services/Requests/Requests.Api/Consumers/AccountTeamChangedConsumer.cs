using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Grpc;
using MassTransit;
using Microsoft.Extensions.Caching.Memory;

namespace ClientRequests.Requests.Consumers;

/// <summary>
/// A hand-over, or an executive assigned to or released from the manager: the client's requests are now visible to the
/// new team and no longer to the old one (the lists filter on the projection), and escalations go to the new manager.
/// </summary>
public sealed class AccountTeamChangedConsumer(RequestsDbContext db, TimeProvider clock, IMemoryCache cache)
    : IdempotentConsumer<AccountTeamChanged, RequestsDbContext>(db, clock)
{
    protected override string InboxName => "AccountTeamChangedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<AccountTeamChanged> context)
    {
        var m = context.Message;
        await Db.ApplyAsync(m.ClientId, m.AccountManagerId, m.AccountExecutiveIds, m.ChangedAt, context.CancellationToken);
        ClientLookup.Forget(cache, m.ClientId);
    }
}
