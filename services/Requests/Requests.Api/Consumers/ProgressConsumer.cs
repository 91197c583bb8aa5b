using ClientRequests.Messaging.Inbox;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Consumers;

/// <summary>
/// Applies one kind of department progress event to its request. The inbox drops a redelivered message; the
/// (work item, sequence) check drops the same step sent again under a new message id; the request's version
/// makes two events for one request that race retry instead of losing one another's roll-up.
/// </summary>
public abstract class ProgressConsumer<TEvent>(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, RequestsDbContext>(db, clock)
    where TEvent : class
{
    protected abstract (Guid RequestId, WorkItemProgress Progress) Read(TEvent message);

    protected override async Task ApplyAsync(ConsumeContext<TEvent> context)
    {
        var (requestId, progress) = Read(context.Message);
        var request = await Db.Requests.Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == requestId, context.CancellationToken);
        if (request is null)
        {
            // Not ours (another site's request on a shared broker): recorded in the inbox and ignored.
            logger.LogWarning("{Event} for unknown request {RequestId}", typeof(TEvent).Name, requestId);
            return;
        }
        if (await Db.Timeline.AnyAsync(t => t.WorkItemId == progress.WorkItemId && t.Sequence == progress.Sequence, context.CancellationToken))
            return;
        request.Apply(progress);
        // A closed item stops its clock, a hand-over's new item starts one: the departments learn the new item's here.
        await clocks.RefreshAsync(Db, request, context.CancellationToken);
        Db.PublishStatusChanges(request, Clock);
    }

    /// <summary>Events without a person behind them (the queue took the item) are attributed to the department.</summary>
    protected static string DepartmentActor(string code) => $"department:{code}";
}
