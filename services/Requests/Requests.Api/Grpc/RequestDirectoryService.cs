using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Dashboard;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Grpc;

/// <summary>
/// gRPC for the gateway: the same reads as the REST API, with the same access rules, batched so that a
/// dashboard query costs one call per level rather than one per request.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed partial class RequestDirectoryService(RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock) : RequestDirectory.RequestDirectoryBase
{
    public const int MaxIds = 500;

    public override async Task<GetRequestsReply> GetRequests(GetRequestsRequest request, ServerCallContext context)
    {
        if (request.RequestIds.Count > MaxIds)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"request_ids: at most {MaxIds} at once."));
        var ids = request.RequestIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var found = await db.Requests.AsNoTracking().Include(r => r.WorkItems).Where(r => ids.Contains(r.Id)).ToListAsync(context.CancellationToken);
        var reply = new GetRequestsReply();
        reply.Requests.AddRange((await access.ReadableAsync(context.GetHttpContext().User, found, context.CancellationToken)).Select(ToEntry));
        return reply;
    }

    public override async Task<ListRequestsReply> ListRequests(ListRequestsRequest request, ServerCallContext context)
    {
        var clientId = Guid.TryParse(request.ClientId, out var parsed) ? parsed : (Guid?)null;
        if (request.ClientId.Length > 0 && clientId is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "client_id: not a client id."));
        var filter = new RequestFilter(clientId, Empty(request.Status), Empty(request.Department), Empty(request.Type), Empty(request.Priority),
            request.HasBreached ? request.Breached : null, Time(request.From, "from"), Time(request.To, "to"), Empty(request.After),
            request.Limit == 0 ? null : request.Limit);
        var page = await ListRequestsCore(filter, context);
        var reply = new ListRequestsReply { NextCursor = page.NextCursor ?? "" };
        reply.Requests.AddRange(page.Items.Select(s => new RequestEntry
        {
            Id = s.Id.ToString(), ClientId = s.ClientId.ToString(), ClientName = s.ClientName, Type = s.Type, Priority = s.Priority, Title = s.Title,
            Status = s.Status, SubmittedAt = Timestamp.FromDateTimeOffset(s.SubmittedAt), WantedBy = s.WantedBy is { } wanted ? Timestamp.FromDateTimeOffset(wanted) : null,
            ExternalReference = s.ExternalReference ?? "", AtRisk = s.AtRisk, Breached = s.Breached, Sla = SlaMapping.ToEntry(s.Sla),
        }));
        return reply;
    }

    /// <summary>A timestamp a caller sent; outside 0001–9999 or with nanos past a second it is the caller's mistake, not ours.</summary>
    static DateTimeOffset? Time(Timestamp? value, string field)
    {
        if (value is null) return null;
        try { return value.ToDateTimeOffset(); }
        catch (InvalidOperationException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: not a valid time."));
        }
    }

    public override async Task<GetTimelineReply> GetTimeline(GetTimelineRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.RequestId, out var id))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "request_id: not a request id."));
        if (await access.ForReadingAsync(id, context.GetHttpContext().User, context.CancellationToken) is null)
            throw new RpcException(new Status(StatusCode.NotFound, $"There is no request with id '{id}'."));
        var reply = new GetTimelineReply();
        reply.Entries.AddRange((await Timeline.ReadAsync(db, id, context.CancellationToken)).Select(ToEntry));
        return reply;
    }

    /// <summary>The timelines of many requests in one query; requests the caller may not read are left out.</summary>
    public override async Task<GetTimelinesReply> GetTimelines(GetTimelinesRequest request, ServerCallContext context)
    {
        if (request.RequestIds.Count > MaxIds)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"request_ids: at most {MaxIds} at once."));
        var ids = request.RequestIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var found = await db.Requests.AsNoTracking().Include(r => r.WorkItems).Where(r => ids.Contains(r.Id)).ToListAsync(context.CancellationToken);
        var readable = (await access.ReadableAsync(context.GetHttpContext().User, found, context.CancellationToken)).Select(r => r.Id).ToList();
        var entries = (await db.Timeline.AsNoTracking().Where(t => readable.Contains(t.RequestId)).ToListAsync(context.CancellationToken))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToLookup(t => t.RequestId);
        var reply = new GetTimelinesReply();
        foreach (var id in readable)
        {
            var timeline = new RequestTimeline { RequestId = id.ToString() };
            timeline.Entries.AddRange(entries[id].Select(TimelineEntryView.From).Select(ToEntry));
            reply.Timelines.Add(timeline);
        }
        return reply;
    }

    /// <summary>The dashboard over what the caller may see: one call, aggregated by the database (ADR 0021).</summary>
    public override async Task<GetDashboardReply> GetDashboard(GetDashboardRequest request, ServerCallContext context)
    {
        if (request.Days is < 0 or > DashboardFigures.MaxDays)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"days: between 1 and {DashboardFigures.MaxDays}."));
        var days = request.Days == 0 ? DashboardFigures.DefaultDays : request.Days;
        return await DashboardQuery.BuildAsync(db, RequestScope.Of(context.GetHttpContext().User), days, clock.GetUtcNow(), context.CancellationToken);
    }

    static TimelineEntry ToEntry(TimelineEntryView e) => new()
    {
        Id = e.Id.ToString(), At = Timestamp.FromDateTimeOffset(e.At), Kind = e.Kind, ActorId = e.ActorId,
        WorkItemId = e.WorkItemId?.ToString() ?? "", DepartmentCode = e.DepartmentCode ?? "", Status = e.Status ?? "", Text = e.Text ?? "",
        Visibility = e.Visibility, Before = e.Before ?? "", After = e.After ?? "",
    };

    /// <summary>The list query REST runs too; a bad filter is InvalidArgument naming the field, another team's client NotFound.</summary>
    async Task<Page<RequestSummary>> ListRequestsCore(RequestFilter filter, ServerCallContext context)
    {
        var (query, errors) = RequestListQuery.Parse(filter);
        if (query is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
        return await query.RunAsync(db, RequestScope.Of(context.GetHttpContext().User), clocks, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "There is no such client."));
    }

    RequestEntry ToEntry(ClientRequest r)
    {
        var now = clocks.Now;
        var entry = new RequestEntry
        {
            Id = r.Id.ToString(), ClientId = r.ClientId.ToString(), ClientName = r.ClientName, Type = r.Type, Priority = r.Priority.ToString(),
            Title = r.Title, Status = r.Status.ToString(), SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt),
            WantedBy = r.WantedBy is { } wanted ? Timestamp.FromDateTimeOffset(wanted) : null, ExternalReference = r.ExternalReference ?? "",
            AtRisk = r.AtRisk, Breached = r.Breached, SatisfactionScore = r.SatisfactionScore ?? 0,
            Sla = SlaMapping.ToEntry(RequestSlaView.From(r, clocks, now)), Version = r.Version,
        };
        entry.WorkItems.AddRange(r.WorkItems.OrderBy(w => w.Round).ThenBy(w => w.DepartmentCode).Select(w => new WorkItemEntry
        {
            Id = w.Id.ToString(), DepartmentCode = w.DepartmentCode, DepartmentName = w.DepartmentName, Status = w.Status.ToString(), Round = w.Round,
            Sla = SlaMapping.ToEntry(WorkItemSlaView.From(w, clocks, now)),
        }));
        return entry;
    }

    static string? Empty(string value) => value.Length == 0 ? null : value;
}
