using ClientRequests.Clients.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class MonthlyRequestsType : ObjectGraphType<MonthlyRequests>
{
    public MonthlyRequestsType()
    {
        Name = "MonthlyRequests";
        Field<NonNullGraphType<StringGraphType>>("month").Description("yyyy-MM, UTC.").Resolve(c => c.Source.Month);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
