using ClientRequests.Gateway.Events;
using ClientRequests.Gateway.GraphQL.Loaders;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>One change to a department's queue, with the queue as it is after it (read when asked for).</summary>
public sealed class QueueChangeType : ObjectGraphType<PlatformEvent>
{
    public QueueChangeType()
    {
        Name = "QueueChange";
        Field<NonNullGraphType<ChangeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("departmentCode").Resolve(c => c.Source.DepartmentCode);
        Field<NonNullGraphType<IdGraphType>>("requestId").Resolve(c => c.Source.RequestId);
        Field<IdGraphType>("workItemId").Resolve(c => c.Source.WorkItemId);
        Field<StringGraphType>("workItemStatus").Description("The work item's status after the change; null for SLA events.")
            .Resolve(c => c.Source.WorkItemStatus);
        Field<IntGraphType>("sequence").Description("Orders one work item's changes: events may arrive out of order.")
            .Resolve(c => c.Source.Sequence);
        Field<StringGraphType>("actorId").Resolve(c => c.Source.ActorId);
        Field<StringGraphType>("toDepartmentCode").Description("For a hand-over: the department the work went to.")
            .Resolve(c => c.Source.ToDepartmentCode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<QueueType>("queue")
            .Description("The first page of the queue as it is now, read with the subscriber's token.")
            .WithComplexityImpact(1, 50)
            .Resolve(c => c.RequestServices!.GetRequiredService<QueueLoader>().Load(c.Source.DepartmentCode!));
    }
}

public sealed class ChangeKindType : EnumerationGraphType
{
    public ChangeKindType()
    {
        Name = "ChangeKind";
        foreach (var kind in EventKinds.All) Add(kind, kind);
    }
}
