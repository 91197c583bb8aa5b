using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed record RequestPage(IReadOnlyList<RequestNode> Nodes, string NextCursor);

/// <summary>A page of requests. The service pages by keyset: <c>endCursor</c> is the cursor for <c>after</c>.</summary>
public sealed class RequestConnectionType : ObjectGraphType<RequestPage>
{
    public RequestConnectionType()
    {
        Name = "RequestConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestType>>>>("nodes")
            // The page size already multiplied the cost at `requests`; counting the list again would square it.
            .WithComplexityImpact(1, 1)
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageCursor(c.Source.NextCursor));
    }
}

/// <summary>Where a keyset page ends; empty on the last page.</summary>
public sealed record PageCursor(string NextCursor);

/// <summary>Shared by every connection: the services page by keyset, so <c>endCursor</c> is the cursor for <c>after</c>.</summary>
public sealed class PageInfoType : ObjectGraphType<PageCursor>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.NextCursor.Length > 0);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.NextCursor.Length > 0 ? c.Source.NextCursor : null);
    }
}

public sealed class RequestFilterInputType : InputObjectGraphType<ListRequestsRequest>
{
    public RequestFilterInputType()
    {
        Name = "RequestFilter";
        Field<IdGraphType>("clientId");
        Field<StringGraphType>("status");
        Field<StringGraphType>("department");
        Field<StringGraphType>("type");
        Field<StringGraphType>("priority");
        Field<BooleanGraphType>("breached");
        Field<DateTimeOffsetGraphType>("from");
        Field<DateTimeOffsetGraphType>("to");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var filter = new ListRequestsRequest
        {
            ClientId = value.TryGetValue("clientId", out var c) ? c?.ToString() ?? "" : "",
            Status = value.TryGetValue("status", out var s) ? s as string ?? "" : "",
            Department = value.TryGetValue("department", out var d) ? d as string ?? "" : "",
            Type = value.TryGetValue("type", out var t) ? t as string ?? "" : "",
            Priority = value.TryGetValue("priority", out var p) ? p as string ?? "" : "",
        };
        if (value.TryGetValue("breached", out var b) && b is bool breached) filter.Breached = breached;
        if (value.TryGetValue("from", out var f) && f is DateTimeOffset from) filter.From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(from);
        if (value.TryGetValue("to", out var u) && u is DateTimeOffset to) filter.To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(to);
        return filter;
    }
}
