using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects status changes; only a change to Fulfilled is kept (for the time to fulfil).</summary>
public sealed class RequestStatusChangedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RequestStatusChanged, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "RequestStatusChangedConsumer";

    protected override Task ApplyAsync(ConsumeContext<RequestStatusChanged> context) =>
        HealthProjection.From(context.Message) is { } signal ? Db.StoreSignalAsync(signal, context.CancellationToken) : Task.CompletedTask;
}
