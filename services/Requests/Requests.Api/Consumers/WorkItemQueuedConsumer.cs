using ClientRequests.Contracts.Departments;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Consumers;

/// <summary>A department has the work item in its queue: the request's roll-up moves on.</summary>
public sealed class WorkItemQueuedConsumer(RequestsDbContext db, TimeProvider clock, ILogger<WorkItemQueuedConsumer> logger)
    : IdempotentConsumer<WorkItemQueued, RequestsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ConsumeContext<WorkItemQueued> context)
    {
        var message = context.Message;
        var request = await Db.Requests.Include(r => r.WorkItems)
            .SingleOrDefaultAsync(r => r.Id == message.RequestId, context.CancellationToken);
        var item = request?.WorkItems.SingleOrDefault(w => w.Id == message.WorkItemId);
        if (request is null || item is null)
        {
            // Not ours (another site's request on a shared broker): recorded in the inbox and ignored.
            logger.LogWarning("WorkItemQueued for unknown work item {WorkItemId} of request {RequestId}", message.WorkItemId, message.RequestId);
            return;
        }
        if (item.Apply(message.Sequence, WorkItemStatus.Queued, message.QueuedAt))
            request.RollUp();
    }
}
