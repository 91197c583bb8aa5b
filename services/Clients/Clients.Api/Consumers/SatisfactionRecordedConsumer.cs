using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects the client's satisfaction ratings.</summary>
public sealed class SatisfactionRecordedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SatisfactionRecorded, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SatisfactionRecordedConsumer";

    protected override Task ApplyAsync(ConsumeContext<SatisfactionRecorded> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}
