using ClientRequests.Gateway.GraphQL.Subscriptions;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class GatewaySchema : Schema
{
    public GatewaySchema(IServiceProvider services, GatewayQuery query, GatewayMutation mutation, GatewaySubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
