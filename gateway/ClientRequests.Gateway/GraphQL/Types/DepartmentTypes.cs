using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class DepartmentType : ObjectGraphType<DepartmentInfo>
{
    public DepartmentType()
    {
        Name = "Department";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("mode").Description("Managed (worked through the API) or External (its own system).")
            .Resolve(c => c.Source.Managed ? "Managed" : "External");
        Field<StringGraphType>("leadId").Resolve(c => c.Source.LeadId.Length == 0 ? null : c.Source.LeadId);
        Field<NonNullGraphType<BooleanGraphType>>("loadAware").Resolve(c => c.Source.LoadAware);
        Field<NonNullGraphType<StringGraphType>>("brokerQueue").Description("The RabbitMQ queue its work items are sent to.")
            .Resolve(c => c.Source.Queue);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberType>>>>("members").Resolve(c => c.Source.Members);
        Field<QueueType>("queue")
            .Description("The first page of the work queue, oldest first; null outside the caller's departments. One call per level.")
            .WithComplexityImpact(1, 50)
            .Resolve(c => c.RequestServices!.GetRequiredService<QueueLoader>().Load(c.Source.Code));
        Field<ListGraphType<NonNullGraphType<MemberLoadType>>>("load")
            .Description("What each member holds against their capacity; null outside the caller's departments. One call per level.")
            .Resolve(c => c.RequestServices!.GetRequiredService<LoadLoader>().Load(c.Source.Code).Then(load => load?.Members));
    }
}

public sealed class MemberType : ObjectGraphType<MemberInfo>
{
    public MemberType()
    {
        Name = "DepartmentMember";
        Field<NonNullGraphType<StringGraphType>>("userId").Resolve(c => c.Source.UserId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skills").Resolve(c => c.Source.Skills);
        Field<NonNullGraphType<IntGraphType>>("capacity").Resolve(c => c.Source.Capacity);
    }
}

public sealed class MemberLoadType : ObjectGraphType<MemberLoad>
{
    public MemberLoadType()
    {
        Name = "MemberLoad";
        Field<NonNullGraphType<StringGraphType>>("userId").Resolve(c => c.Source.UserId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("capacity").Resolve(c => c.Source.Capacity);
        Field<NonNullGraphType<IntGraphType>>("load").Resolve(c => c.Source.Load);
    }
}

public sealed class QueueType : ObjectGraphType<DepartmentQueuePage>
{
    public QueueType()
    {
        Name = "Queue";
        Field<NonNullGraphType<StringGraphType>>("departmentCode").Resolve(c => c.Source.DepartmentCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueItemType>>>>("items").WithComplexityImpact(1, 1).Resolve(c => c.Source.Items);
        Field<StringGraphType>("nextCursor").Resolve(c => c.Source.NextCursor.Length == 0 ? null : c.Source.NextCursor);
    }
}

public sealed class QueueItemType : ObjectGraphType<QueuedWorkItem>
{
    public QueueItemType()
    {
        Name = "QueueItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("requestId").Resolve(c => c.Source.RequestId);
        Field<NonNullGraphType<IdGraphType>>("clientId").Resolve(c => c.Source.ClientId);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("claimedBy").Resolve(c => c.Source.ClaimedBy.Length == 0 ? null : c.Source.ClaimedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Resolve(c => DateTimeOffset.FromUnixTimeMilliseconds(c.Source.QueuedAtMs));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("dueAt").Resolve(c => DateTimeOffset.FromUnixTimeMilliseconds(c.Source.DueAtMs));
        Field<NonNullGraphType<BooleanGraphType>>("atRisk").Resolve(c => c.Source.AtRisk);
        Field<NonNullGraphType<StringGraphType>>("departmentCode").Resolve(c => c.Source.DepartmentCode);
        Field<DepartmentType>("department")
            .Description("The department it is queued in: one call for every item of the level.")
            .Resolve(c => c.RequestServices!.GetRequiredService<DepartmentLoader>().Load(c.Source.DepartmentCode).Then(found => found?.FirstOrDefault()));
        Field<RequestType>("request")
            .Description("The request it is part of; null when the caller may not see it. One call for every item of the level.")
            .Resolve(c => c.RequestServices!.GetRequiredService<RequestLoader>().Load(c.Source.RequestId)
                .Then(entry => entry is null ? null : new RequestNode(entry, HasWorkItems: true)));
    }
}
