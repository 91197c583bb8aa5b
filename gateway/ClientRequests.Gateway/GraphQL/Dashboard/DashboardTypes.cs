using ClientRequests.Clients.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Dashboard;

public sealed class DashboardType : ObjectGraphType<DashboardNode>
{
    /// <summary>Client health is read for at most this many clients (those with requests in scope), worst score first.</summary>
    public const int MaxClients = 500;

    public DashboardType()
    {
        Name = "Dashboard";
        Field<NonNullGraphType<IntGraphType>>("days").Resolve(c => c.Source.Days);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("from").Description("Midnight UTC of the window's first day.")
            .Resolve(c => c.Source.Reply.From.ToDateTimeOffset());
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Resolve(c => c.Source.Reply.AsOf.ToDateTimeOffset());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartmentBacklogType>>>>("backlog")
            .Description("Open work items of open requests per department, by status, now.")
            .WithComplexityImpact(1, 10)
            .Resolve(c => c.Source.Reply.Backlog);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaComplianceType>>>>("slaByDepartment")
            .Description("Per department (key: its code): work items completed, rejected or handed over in the window, how many within their OLA, and open ones breached or at risk now.")
            .WithComplexityImpact(1, 10)
            .Resolve(c => c.Source.Reply.Departments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaComplianceType>>>>("slaByClient")
            .Description("Per client (key: its id): requests fulfilled or rejected in the window, how many within SLA, and open ones breached or at risk now.")
            .WithComplexityImpact(1, 50)
            .Resolve(c => c.Source.Reply.Clients);
        Field<NonNullGraphType<CycleTimeType>>("cycleTime").Resolve(c => c.Source.Reply.CycleTime ?? new CycleTimes());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DailyRequestsType>>>>("requestsOverTime")
            .Description("Requests submitted per UTC day and type in the window; days without requests are left out.")
            .WithComplexityImpact(1, 10)
            .Resolve(c => c.Source.Reply.RequestsByDay);
        Field<NonNullGraphType<BooleanGraphType>>("requestsOverTimeTruncated")
            .Description("True when the window held more than 100,000 requests and only the latest were counted.")
            .Resolve(c => c.Source.Reply.RequestsByDayTruncated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("clientHealth")
            .Description($"The clients in the dashboard's scope (at most {MaxClients}), lowest health score first; empty for department staff (ADR 0030).")
            .WithComplexityImpact(1, 50)
            .Resolve(c =>
            {
                if (!ClientRecordAccess.Reads(c.User)) return Array.Empty<ClientEntry>();
                var loader = c.RequestServices!.GetRequiredService<ClientLoader>();
                return new AllOf(c.Source.Reply.Clients.Take(MaxClients).Select(row => loader.Load(row.Key)).ToList());
            });
    }

    /// <summary>Every client of the list from one batched call, worst health first; a client the directory no longer knows is left out.</summary>
    sealed class AllOf(IReadOnlyList<IDataLoaderResult<ClientEntry?>> results) : IDataLoaderResult<IReadOnlyList<ClientEntry>>
    {
        public async Task<IReadOnlyList<ClientEntry>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var clients = new List<ClientEntry>();
            foreach (var result in results)
                if (await result.GetResultAsync(cancellationToken) is { } client) clients.Add(client);
            return clients.OrderBy(c => c.HealthScore).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

public sealed class DepartmentBacklogType : ObjectGraphType<DepartmentBacklog>
{
    public DepartmentBacklogType()
    {
        Name = "DepartmentBacklog";
        Field<NonNullGraphType<StringGraphType>>("departmentCode").Resolve(c => c.Source.DepartmentCode);
        Field<NonNullGraphType<StringGraphType>>("departmentName").Resolve(c => c.Source.DepartmentName);
        Field<NonNullGraphType<IntGraphType>>("open").Resolve(c => c.Source.Statuses.Sum(s => s.Count));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountType>>>>("byStatus")
            .Description("Assigned, Queued, Claimed, InProgress: only those with work items.")
            .Resolve(c => c.Source.Statuses);
    }
}

public sealed class StatusCountType : ObjectGraphType<StatusCount>
{
    public StatusCountType()
    {
        Name = "StatusCount";
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class SlaComplianceType : ObjectGraphType<SlaCompliance>
{
    public SlaComplianceType()
    {
        Name = "SlaCompliance";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The department's code or the client's id.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("closed").Resolve(c => c.Source.Closed);
        Field<NonNullGraphType<IntGraphType>>("closedWithinSla").Resolve(c => c.Source.ClosedWithinSla);
        Field<FloatGraphType>("compliance").Description("closedWithinSla / closed, from 0 to 1; null when nothing closed in the window.")
            .Resolve(c => c.Source.Closed == 0 ? null : (double)c.Source.ClosedWithinSla / c.Source.Closed);
        Field<NonNullGraphType<IntGraphType>>("breachedOpen").Description("Open now and past the target.").Resolve(c => c.Source.BreachedOpen);
        Field<NonNullGraphType<IntGraphType>>("atRiskOpen").Description("Open now, at risk and not yet breached.").Resolve(c => c.Source.AtRiskOpen);
    }
}

public sealed class CycleTimeType : ObjectGraphType<CycleTimes>
{
    public CycleTimeType()
    {
        Name = "CycleTime";
        Description = "Submitted to fulfilled, in hours, nearest-rank percentiles over the requests fulfilled in the window (the latest 10,000 at most).";
        Field<NonNullGraphType<IntGraphType>>("fulfilled").Resolve(c => c.Source.Fulfilled);
        Field<FloatGraphType>("p50Hours").Resolve(c => c.Source.HasP50Hours ? c.Source.P50Hours : null);
        Field<FloatGraphType>("p90Hours").Resolve(c => c.Source.HasP90Hours ? c.Source.P90Hours : null);
        Field<FloatGraphType>("p99Hours").Resolve(c => c.Source.HasP99Hours ? c.Source.P99Hours : null);
        Field<NonNullGraphType<BooleanGraphType>>("sampled").Description("True when more were fulfilled than the sample holds.").Resolve(c => c.Source.Sampled);
    }
}

public sealed class DailyRequestsType : ObjectGraphType<Requests.Grpc.DailyCount>
{
    public DailyRequestsType()
    {
        Name = "DailyRequests";
        Field<NonNullGraphType<StringGraphType>>("day").Description("yyyy-MM-dd, UTC.").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
