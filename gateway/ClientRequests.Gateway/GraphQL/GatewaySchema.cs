using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class GatewaySchema : Schema
{
    public GatewaySchema(IServiceProvider services, GatewayQuery query, GatewayMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
