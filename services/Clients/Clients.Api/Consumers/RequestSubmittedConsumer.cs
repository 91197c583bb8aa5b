using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects submitted requests into client health signals.</summary>
public sealed class RequestSubmittedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RequestSubmitted, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "RequestSubmittedConsumer";

    protected override Task ApplyAsync(ConsumeContext<RequestSubmitted> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}
