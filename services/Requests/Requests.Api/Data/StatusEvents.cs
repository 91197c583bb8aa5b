using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging;
using ClientRequests.Requests.Domain;

namespace ClientRequests.Requests.Data;

public static class StatusEvents
{
    /// <summary>
    /// Announces, in the same SaveChanges, every status change this unit of work recorded on the request's timeline
    /// (the timeline collection holds only the entries added since the request was loaded).
    /// </summary>
    public static void PublishStatusChanges(this RequestsDbContext db, ClientRequest request, TimeProvider clock)
    {
        foreach (var entry in request.Timeline.Where(e => e is { Kind: TimelineKinds.StatusChanged, Status: not null }))
        {
            db.Publish(new RequestStatusChanged
            {
                RequestId = request.Id, ClientId = request.ClientId, AccountManagerId = request.AccountManagerId,
                Status = entry.Status!.Value.ToString(), ActorId = entry.ActorId, ChangedAt = entry.At,
            }, clock);
        }
    }
}
