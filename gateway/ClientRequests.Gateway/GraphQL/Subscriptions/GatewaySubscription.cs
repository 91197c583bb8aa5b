using System.Runtime.CompilerServices;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Requests.Grpc;
using global::GraphQL;
using global::GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>
/// <c>requestUpdated(id)</c>: the request now, then again whenever its status, SLA state, score or a work item changes.
/// The gateway is not on the broker, so it polls the requests service (one GetRequests per interval per subscriber,
/// with the subscriber's token); a broker-fed feed can replace <see cref="WatchAsync"/> without changing the schema.
/// </summary>
public sealed class GatewaySubscription : ObjectGraphType
{
    public GatewaySubscription()
    {
        Name = "Subscription";
        Field<RequestType>("requestUpdated")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveStream(c =>
            {
                var directory = c.RequestServices!.GetRequiredService<RequestDirectory.RequestDirectoryClient>();
                var interval = c.RequestServices!.GetRequiredService<GraphQLOptions>().SubscriptionPollInterval;
                var id = c.GetArgument<string>("id");
                return new PollingObservable<RequestNode>(cancellationToken => WatchAsync(directory, id, interval, cancellationToken));
            });
    }

    static async IAsyncEnumerable<RequestNode> WatchAsync(RequestDirectory.RequestDirectoryClient directory, string id, TimeSpan interval,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var reply = await directory.GetRequestsAsync(new GetRequestsRequest { RequestIds = { id } }, cancellationToken: cancellationToken);
            var entry = reply.Requests.FirstOrDefault()
                ?? throw new ExecutionError("Not found.") { Code = "NOT_FOUND" };
            var state = Fingerprint(entry);
            if (state != last) yield return new RequestNode(entry, HasWorkItems: true);
            last = state;
            await Task.Delay(interval, cancellationToken);
        }
    }

    static string Fingerprint(RequestEntry e) =>
        $"{e.Status}|{e.AtRisk}|{e.Breached}|{e.SatisfactionScore}|{e.DueAt}|" +
        string.Join(",", e.WorkItems.Select(w => $"{w.Id}:{w.Status}:{w.Round}"));
}
