using ClientRequests.Clients.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class HealthReasonType : ObjectGraphType<HealthReason>
{
    public HealthReasonType()
    {
        Name = "HealthReason";
        Field<NonNullGraphType<StringGraphType>>("code").Description("complaints, requests, sla-breaches, ratings or satisfaction-trend.")
            .Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<FloatGraphType>>("points").Description("Added to 100; negative is a cost.").Resolve(c => c.Source.Points);
    }
}
