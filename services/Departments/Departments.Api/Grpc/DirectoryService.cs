using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Apis;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Paging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Grpc;

/// <summary>The gateway's view of departments, queues and load; same rules and queries as the REST API.</summary>
public sealed class DirectoryService(DepartmentsDbContext db, TimeProvider clock) : DepartmentDirectory.DepartmentDirectoryBase
{
    public const int MaxBatch = 50;

    public override async Task<ListDepartmentsReply> ListDepartments(ListDepartmentsRequest request, ServerCallContext context)
    {
        var query = db.Departments.AsNoTracking().Include(d => d.Members).AsQueryable();
        if (request.Codes.Count > MaxBatch)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"codes: at most {MaxBatch} at once."));
        if (request.Codes.Count > 0)
        {
            var codes = request.Codes.ToList();
            query = query.Where(d => codes.Contains(d.Code));
        }
        var reply = new ListDepartmentsReply();
        foreach (var d in await query.OrderBy(d => d.Code).ToListAsync(context.CancellationToken))
        {
            var info = new DepartmentInfo
            {
                Code = d.Code, Name = d.Name, Managed = d.Mode == DepartmentMode.Managed, LeadId = d.LeadId ?? "",
                LoadAware = d.LoadAware, Queue = DepartmentQueue.Name(d.Code),
            };
            info.Members.AddRange(d.Members.OrderBy(m => m.UserId).Select(m =>
            {
                var member = new MemberInfo { UserId = m.UserId, Name = m.Name, Capacity = m.Capacity };
                member.Skills.AddRange(m.Skills);
                return member;
            }));
            reply.Departments.Add(info);
        }
        return reply;
    }

    public override async Task<GetQueueReply> GetQueue(GetQueueRequest request, ServerCallContext context)
    {
        await CheckDepartmentAsync(request.DepartmentCode, context);
        var (query, errors) = QueueQuery.Parse(request.DepartmentCode, Empty(request.Status), Empty(request.Sort), request.AtRiskOnly,
            Empty(request.After), request.Limit == 0 ? null : request.Limit);
        if (query is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Shown(string.Join(" ", errors.SelectMany(e => e.Value)))));

        var page = await query.RunAsync(db, clock.GetUtcNow(), context.CancellationToken);
        var reply = new GetQueueReply { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(ToQueued));
        return reply;
    }

    /// <summary>The first page of each queue the caller works in; the rest are left out, as GetRequests leaves out requests.</summary>
    public override async Task<GetQueuesReply> GetQueues(GetQueuesRequest request, ServerCallContext context)
    {
        var codes = await VisibleDepartmentsAsync(request.DepartmentCodes, context);
        var reply = new GetQueuesReply();
        foreach (var code in codes)
        {
            var (query, errors) = QueueQuery.Parse(code, null, null, false, null, request.Limit == 0 ? null : request.Limit);
            if (query is null)
                throw new RpcException(new Status(StatusCode.InvalidArgument, Shown(string.Join(" ", errors.SelectMany(e => e.Value)))));
            var page = await query.RunAsync(db, clock.GetUtcNow(), context.CancellationToken);
            var queue = new DepartmentQueuePage { DepartmentCode = code, NextCursor = page.NextCursor ?? "" };
            queue.Items.AddRange(page.Items.Select(ToQueued));
            reply.Queues.Add(queue);
        }
        return reply;
    }

    public override async Task<GetLoadsReply> GetLoads(GetLoadsRequest request, ServerCallContext context)
    {
        var reply = new GetLoadsReply();
        foreach (var code in await VisibleDepartmentsAsync(request.DepartmentCodes, context))
        {
            var load = new DepartmentLoad { DepartmentCode = code };
            load.Members.AddRange((await DepartmentsApi.LoadAsync(db, code, context.CancellationToken))!
                .Select(m => new MemberLoad { UserId = m.UserId, Name = m.Name, Capacity = m.Capacity, Load = m.Load }));
            reply.Departments.Add(load);
        }
        return reply;
    }

    /// <summary>The caller's own work; the holder is the token's user, so nobody reads another member's list here.</summary>
    public override async Task<GetAssignedWorkReply> GetAssignedWork(GetAssignedWorkRequest request, ServerCallContext context)
    {
        if (!Cursor.TryDecode(Empty(request.After), out var after))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "after: not a cursor this service issued."));
        int? limit = request.Limit == 0 ? null : request.Limit;
        if (!PageLimits.IsValid(limit))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit: must be between 1 and {PageLimits.Max}."));

        var page = await new AssignedWorkQuery(request.IncludeClosed, after, limit ?? PageLimits.Default)
            .RunAsync(db, context.GetHttpContext().User, clock.GetUtcNow(), context.CancellationToken);
        var reply = new GetAssignedWorkReply { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(ToQueued));
        return reply;
    }

    /// <summary>The codes asked for that exist and that the caller works in (admins: all), in one query.</summary>
    async Task<List<string>> VisibleDepartmentsAsync(IEnumerable<string> asked, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var codes = asked.Distinct().Where(user.WorksIn).ToList();
        if (codes.Count > MaxBatch)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"department_codes: at most {MaxBatch} at once."));
        return await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).OrderBy(d => d.Code).Select(d => d.Code)
            .ToListAsync(context.CancellationToken);
    }

    static QueuedWorkItem ToQueued(WorkItemView i) => new()
    {
        Id = i.Id.ToString(), RequestId = i.RequestId.ToString(), ClientId = i.ClientId.ToString(), DepartmentCode = i.DepartmentCode,
        Type = i.Type, Priority = i.Priority, Title = i.Title, Status = i.Status, ClaimedBy = i.ClaimedBy ?? "",
        QueuedAtMs = i.QueuedAt.ToUnixTimeMilliseconds(), DueAtMs = i.DueAt.ToUnixTimeMilliseconds(), AtRisk = i.AtRisk, Sequence = i.Sequence,
    };

    public override async Task<GetLoadReply> GetLoad(GetLoadRequest request, ServerCallContext context)
    {
        await CheckDepartmentAsync(request.DepartmentCode, context);
        var loads = await DepartmentsApi.LoadAsync(db, request.DepartmentCode, context.CancellationToken);
        var reply = new GetLoadReply();
        reply.Members.AddRange(loads!.Select(m => new MemberLoad { UserId = m.UserId, Name = m.Name, Capacity = m.Capacity, Load = m.Load }));
        return reply;
    }

    async Task CheckDepartmentAsync(string code, ServerCallContext context)
    {
        if (!context.GetHttpContext().User.WorksIn(code))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"You do not work in department '{Shown(code)}'."));
        if (!await db.Departments.AnyAsync(d => d.Code == code, context.CancellationToken))
            throw new RpcException(new Status(StatusCode.NotFound, $"There is no department '{Shown(code)}'."));
    }

    static string? Empty(string value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// A caller's value echoed in a status travels in an HTTP/2 header: cut it short, or a huge value makes the answer
    /// itself too large for the caller to read (it would see Unavailable instead of the status).
    /// </summary>
    static string Shown(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
