using ClientRequests.Requests.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class MonthlySatisfactionType : ObjectGraphType<MonthlySatisfaction>
{
    public MonthlySatisfactionType()
    {
        Name = "MonthlySatisfaction";
        Field<NonNullGraphType<StringGraphType>>("month").Description("yyyy-MM, UTC.").Resolve(c => c.Source.Month);
        Field<NonNullGraphType<IntGraphType>>("ratings").Resolve(c => c.Source.Ratings);
        Field<FloatGraphType>("average").Description("1 to 5; null in a month without ratings.")
            .Resolve(c => c.Source.HasAverage ? c.Source.Average : null);
    }
}
