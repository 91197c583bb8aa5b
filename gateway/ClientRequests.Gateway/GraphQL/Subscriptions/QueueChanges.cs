using System.Runtime.CompilerServices;
using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.Events;
using ClientRequests.ServiceDefaults.Security;
using global::GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>
/// <c>departmentQueueChanged(code)</c>: each work item event of the department, and its OLA clocks' SLA events, as
/// they arrive. Opened only for the department's staff and admins, the rule of the queue's REST and gRPC reads.
/// </summary>
public static class QueueChanges
{
    const int Remembered = 1024;

    public static async Task<IObservable<PlatformEvent>> OpenAsync(IResolveFieldContext context, string code)
    {
        var user = context.User!;
        if (!user.IsAdmin() && !user.DepartmentCodes().Contains(code))
            throw new ExecutionError($"You do not work in department '{code}'.") { Code = "FORBIDDEN" };
        var services = context.RequestServices!;
        var events = new EventChannel(services.GetRequiredService<PlatformEventHub>(),
            e => e.DepartmentCode is { } department && string.Equals(department, code, StringComparison.OrdinalIgnoreCase));
        try
        {
            // The departments service has the last word (and knows whether the department exists): it leaves out what the caller may not see.
            var reply = await services.GetRequiredService<DepartmentDirectory.DepartmentDirectoryClient>()
                .GetQueuesAsync(new GetQueuesRequest { DepartmentCodes = { code }, Limit = 1 }, cancellationToken: context.CancellationToken);
            if (reply.Queues.Count == 0) throw new ExecutionError($"There is no department '{code}' you work in.") { Code = "NOT_FOUND" };
            return new AsyncObservable<PlatformEvent>(stopped => WatchAsync(services, user, events, stopped));
        }
        catch
        {
            events.Dispose();
            throw;
        }
    }

    static async IAsyncEnumerable<PlatformEvent> WatchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user,
        EventChannel events, [EnumeratorCancellation] CancellationToken stopped)
    {
        using var _ = events;
        using var lifetime = SubscriptionLifetime.UntilTokenExpires(user, stopped);
        // The broker may deliver an event twice; a subscriber sees it once.
        var seen = new HashSet<PlatformEvent>();
        var order = new Queue<PlatformEvent>();
        while (await SubscriptionLifetime.NextAsync(events, lifetime.Token) is { } batch)
        {
            foreach (var change in batch)
            {
                if (!seen.Add(change)) continue;
                order.Enqueue(change);
                if (order.Count > Remembered) seen.Remove(order.Dequeue());
                SubscriptionLifetime.ForgetLoadedData(services);
                yield return change;
            }
        }
    }
}
