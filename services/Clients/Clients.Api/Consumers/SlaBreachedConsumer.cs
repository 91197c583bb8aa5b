using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects breached SLA clocks.</summary>
public sealed class SlaBreachedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SlaBreached, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SlaBreachedConsumer";

    protected override Task ApplyAsync(ConsumeContext<SlaBreached> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}
