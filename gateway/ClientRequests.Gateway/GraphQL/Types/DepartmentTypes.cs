using System.Security.Claims;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class DepartmentType : ObjectGraphType<DepartmentView>
{
    public DepartmentType()
    {
        Name = "Department";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("mode").Resolve(c => c.Source.Mode);
        Field<StringGraphType>("leadId").Resolve(c => c.Source.LeadId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberType>>>>("members").Resolve(c => c.Source.Members);
    }
}

public sealed class MemberType : ObjectGraphType<MemberView>
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

public sealed class QueueType : ObjectGraphType<Page<QueueItemView>>
{
    public QueueType()
    {
        Name = "Queue";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueItemType>>>>("items").Resolve(c => c.Source.Items);
        Field<StringGraphType>("nextCursor").Resolve(c => c.Source.NextCursor);
    }
}

public sealed class QueueItemType : ObjectGraphType<QueueItemView>
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
        Field<StringGraphType>("claimedBy").Resolve(c => c.Source.ClaimedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Resolve(c => c.Source.QueuedAt);
    }
}

/// <summary>The caller, as the gateway validated their token.</summary>
public sealed class MeType : ObjectGraphType<ClaimsPrincipal>
{
    public MeType()
    {
        Name = "Me";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.UserId());
        Field<StringGraphType>("name").Resolve(c => c.Source.FindFirstValue(PlatformClaims.Name));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Resolve(c => c.Source.FindAll(PlatformClaims.Role).Select(r => r.Value).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("departments")
            .Resolve(c => c.Source.DepartmentCodes().Order().ToList());
    }
}
