using System.Runtime.CompilerServices;
using ClientRequests.Gateway.Events;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Requests.Grpc;
using global::GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>
/// <c>requestUpdated(id)</c>. Every event about the request makes the stream read it again from the requests service,
/// with the subscriber's token (so access is checked on every result), and send it when something a subscriber sees
/// changed. A burst of events costs one read.
/// </summary>
public static class RequestUpdates
{
    public static async Task<IObservable<RequestNode?>> OpenAsync(IResolveFieldContext context, string id)
    {
        if (!Guid.TryParse(id, out var requestId)) throw new ExecutionError("'id' is not a request id.") { Code = "BAD_REQUEST" };
        var services = context.RequestServices!;
        var directory = services.GetRequiredService<RequestDirectory.RequestDirectoryClient>();
        // Listening starts before the first read, so nothing that happens in between is missed. A change of the client's
        // account team is listened for too: it may take the request away from the subscriber (ADR 0029).
        Guid? clientId = null;
        var events = new EventChannel(services.GetRequiredService<PlatformEventHub>(),
            e => e.RequestId == requestId || (e.Kind == EventKinds.AccountTeamChanged && e.ClientId == clientId));
        try
        {
            // As the query answers null for a request the caller may not see, the subscription is refused the same way.
            var first = await ReadAsync(directory, id, context.CancellationToken)
                ?? throw new ExecutionError($"There is no request '{id}' you may read.") { Code = "NOT_FOUND" };
            clientId = Guid.TryParse(first.ClientId, out var client) ? client : null;
            return new AsyncObservable<RequestNode?>(stopped => WatchAsync(services, context.User!, directory, id, first, events, stopped));
        }
        catch
        {
            events.Dispose();
            throw;
        }
    }

    static async IAsyncEnumerable<RequestNode?> WatchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user,
        RequestDirectory.RequestDirectoryClient directory, string id, RequestEntry first, EventChannel events,
        [EnumeratorCancellation] CancellationToken stopped)
    {
        using var _ = events;
        using var lifetime = SubscriptionLifetime.UntilTokenExpires(user, stopped);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestUpdates));
        var overlay = new WorkItemStatusOverlay();
        var last = Fingerprint(first);
        yield return new RequestNode(first, HasWorkItems: true);

        while (await SubscriptionLifetime.NextAsync(events, lifetime.Token) is { } batch)
        {
            foreach (var change in batch.Where(e => e.Kind != EventKinds.AccountTeamChanged)) overlay.Record(change);
            RequestEntry? now;
            try
            {
                // The clients service owns who is on the team and has committed the change it announced: asked now, it
                // answers for the new team, where the requests service may still be applying the same event.
                if (batch.Any(e => e.Kind == EventKinds.AccountTeamChanged)
                    && await TeamAccess.LostAsync(services, user, first.ClientId, first.WorkItems.Select(w => w.DepartmentCode), lifetime.Token))
                    now = null;
                else
                    now = await ReadAsync(directory, id, lifetime.Token);
            }
            catch (ExecutionError unavailable) when (unavailable.Code == "SERVICE_UNAVAILABLE")
            {
                // The next event reads again; a blip in the requests service does not end every dashboard's stream.
                logger.LogWarning("requestUpdated({RequestId}): the requests service did not answer; waiting for the next event", id);
                continue;
            }
            // Gone, or no longer the caller's to read (the account team changed): the stream ends with the query's answer.
            if (now is null)
            {
                yield return null;
                yield break;
            }
            var shown = overlay.Apply(now);
            var state = Fingerprint(shown);
            if (state == last) continue;
            last = state;
            SubscriptionLifetime.ForgetLoadedData(services);
            yield return new RequestNode(shown, HasWorkItems: true);
        }
    }

    static async Task<RequestEntry?> ReadAsync(RequestDirectory.RequestDirectoryClient directory, string id, CancellationToken cancellationToken)
    {
        var reply = await directory.GetRequestsAsync(new GetRequestsRequest { RequestIds = { id } }, cancellationToken: cancellationToken);
        return reply.Requests.FirstOrDefault();
    }

    /// <summary>What a subscriber can see change: a new result only when this differs.</summary>
    static string Fingerprint(RequestEntry e) =>
        $"{e.Status}|{e.AtRisk}|{e.Breached}|{e.SatisfactionScore}|{e.WantedBy}|{e.Sla?.State}|{e.Sla?.ResolutionDueAt}|" +
        string.Join(",", e.WorkItems.Select(w => $"{w.Id}:{w.Status}:{w.Round}:{w.Sla?.State}"));
}
