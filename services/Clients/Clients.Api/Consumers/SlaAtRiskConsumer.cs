using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects clocks at risk (shown in the figures, not scored).</summary>
public sealed class SlaAtRiskConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SlaAtRisk, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SlaAtRiskConsumer";

    protected override Task ApplyAsync(ConsumeContext<SlaAtRisk> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}
