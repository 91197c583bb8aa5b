using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Overview;
using ClientRequests.Requests.Domain.Teams;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Grpc;

/// <summary>
/// A client's requests as the client 360 shows them (ADR 0035). Visibility is <see cref="RequestVisibility"/>, the rule
/// every list applies; a team member asking for a client whose current team they are not on gets nothing for it.
/// Each client costs four indexed queries, so a call is bounded to <see cref="MaxClients"/>.
/// </summary>
public sealed partial class RequestDirectoryService
{
    public const int MaxClients = 100;

    public override async Task<GetClientActivityReply> GetClientActivity(GetClientActivityRequest request, ServerCallContext context)
    {
        if (request.ClientIds.Count > MaxClients)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"client_ids: at most {MaxClients} at once."));
        var ids = request.ClientIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var scope = RequestScope.Of(context.GetHttpContext().User);
        if (scope.IsTeamScoped && !scope.IsDepartmentStaff)
        {
            var onTeam = await db.TeamClientsAsync(scope, ids, context.CancellationToken);
            ids = ids.Where(onTeam.Contains).ToList();
        }

        var reply = new GetClientActivityReply();
        foreach (var id in ids)
            reply.Clients.Add(await ActivityOfAsync(db.Requests.AsNoTracking().VisibleTo(scope, db).Where(r => r.ClientId == id), id, context.CancellationToken));
        return reply;
    }

    async Task<ClientActivity> ActivityOfAsync(IQueryable<ClientRequest> requests, Guid clientId, CancellationToken cancellationToken)
    {
        var now = clocks.Now;
        var activity = new ClientActivity { ClientId = clientId.ToString() };

        var open = requests.Where(r => r.ClosedAt == null);
        activity.OpenCount = await open.CountAsync(cancellationToken);
        var newestOpen = await open.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Take(ClientOverview.OpenRequestsRanked).ToListAsync(cancellationToken);
        var ranked = newestOpen.Select(r => (Request: r, Sla: RequestSlaView.From(r, clocks, now))).ToList();
        activity.OpenRequests.AddRange(ClientOverview.MostUrgentFirst(ranked, r => r.Sla.State, r => r.Sla.ResolutionDueAt, r => r.Request.SubmittedAt)
            .Take(ClientOverview.MaxOpenRequests).Select(r => ToEntry(r.Request)));

        var since = now - ClientOverview.RecentWindow;
        var events = await requests
            .SelectMany(r => db.Timeline.Where(t => t.RequestId == r.Id && t.At >= since), (r, t) => new { Entry = t, r.Title })
            .OrderByDescending(e => e.Entry.At).ThenByDescending(e => e.Entry.Id)
            .Take(ClientOverview.MaxRecentEvents).ToListAsync(cancellationToken);
        activity.RecentEvents.AddRange(events.Select(e => new ClientEvent
        {
            RequestId = e.Entry.RequestId.ToString(), RequestTitle = e.Title, Entry = ToEntry(TimelineEntryView.From(e.Entry)),
        }));

        var ratedSince = ClientOverview.SatisfactionSince(now);
        var ratings = await requests.Where(r => r.SatisfactionScore != null)
            .SelectMany(r => db.Timeline.Where(t => t.RequestId == r.Id && t.Kind == TimelineKinds.Satisfaction && t.At >= ratedSince),
                (r, t) => new { t.At, Score = r.SatisfactionScore!.Value })
            .ToListAsync(cancellationToken);
        activity.Satisfaction.AddRange(ClientOverview.ByMonth(ratings.Select(r => (r.At, r.Score)), now).Select(m =>
        {
            var month = new MonthlySatisfaction { Month = m.Month, Ratings = m.Ratings };
            if (m.Average is { } average) month.Average = average;
            return month;
        }));
        return activity;
    }
}
