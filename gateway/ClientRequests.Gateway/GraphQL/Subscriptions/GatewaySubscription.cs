using ClientRequests.Gateway.GraphQL.Types;
using global::GraphQL;
using global::GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>
/// Subscriptions fed by the platform's events (ADR 0014). Each is authorised when it is opened, by the same service
/// calls and rules as the queries: a caller who may not read the request or the queue gets an error and no stream.
/// </summary>
public sealed class GatewaySubscription : ObjectGraphType
{
    public GatewaySubscription()
    {
        Name = "Subscription";
        Field<RequestType>("requestUpdated")
            .Description("The request now, then again each time an event changes its status, SLA state, score or a work item.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveStreamAsync(async c => await RequestUpdates.OpenAsync(c, c.GetArgument<string>("id")));

        Field<NonNullGraphType<QueueChangeType>>("departmentQueueChanged")
            .Description("Each change to a department's work queue: work items queued, claimed, started, completed, rejected, " +
                "handed over, and its SLA clocks at risk or breached. Only for the department's staff (admins: every department).")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveStreamAsync(async c => await QueueChanges.OpenAsync(c, c.GetArgument<string>("code")));
    }
}
