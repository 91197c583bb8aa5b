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

/// <summary>Projects status changes; only a change to Fulfilled is kept (for the time to fulfil).</summary>
public sealed class RequestStatusChangedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RequestStatusChanged, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "RequestStatusChangedConsumer";

    protected override Task ApplyAsync(ConsumeContext<RequestStatusChanged> context) =>
        HealthProjection.From(context.Message) is { } signal ? Db.StoreSignalAsync(signal, context.CancellationToken) : Task.CompletedTask;
}

/// <summary>Projects the client's satisfaction ratings.</summary>
public sealed class SatisfactionRecordedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SatisfactionRecorded, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SatisfactionRecordedConsumer";

    protected override Task ApplyAsync(ConsumeContext<SatisfactionRecorded> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}

/// <summary>Projects breached SLA clocks.</summary>
public sealed class SlaBreachedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SlaBreached, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SlaBreachedConsumer";

    protected override Task ApplyAsync(ConsumeContext<SlaBreached> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}

/// <summary>Projects clocks at risk (shown in the figures, not scored).</summary>
public sealed class SlaAtRiskConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<SlaAtRisk, ClientsDbContext>(db, clock)
{
    protected override string InboxName => "SlaAtRiskConsumer";

    protected override Task ApplyAsync(ConsumeContext<SlaAtRisk> context) =>
        Db.StoreSignalAsync(HealthProjection.From(context.Message), context.CancellationToken);
}
