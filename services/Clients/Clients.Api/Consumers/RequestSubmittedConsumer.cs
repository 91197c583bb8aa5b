using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Consumers;

/// <summary>Projects submitted requests into the client health signals; other request events get their own consumer.</summary>
public sealed class RequestSubmittedConsumer(ClientsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RequestSubmitted, ClientsDbContext>(db, clock)
{
    public const string Kind = "request-submitted";

    protected override async Task ApplyAsync(ConsumeContext<RequestSubmitted> context)
    {
        var message = context.Message;
        // A resubmission under a new message id must not count the request twice.
        if (await Db.HealthSignals.AnyAsync(s => s.Id == message.RequestId, context.CancellationToken)) return;
        Db.HealthSignals.Add(new HealthSignal
        {
            Id = message.RequestId,
            ClientId = message.ClientId,
            Kind = $"{Kind}:{message.Type.ToLowerInvariant()}",
            Weight = ClientHealth.RequestWeight(message.Type, message.Priority),
            OccurredAt = message.SubmittedAt,
        });
    }
}
