using ClientRequests.Clients.Grpc;
using ClientRequests.Requests.Grpc;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>Clients by id: one <c>ClientDirectory.GetClients</c> per level.</summary>
public sealed class ClientLoader(ClientDirectory.ClientDirectoryClient directory) : BatchLoader<string, ClientEntry>
{
    protected override async Task<IReadOnlyDictionary<string, ClientEntry>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetClientsAsync(new GetClientsRequest { ClientIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Clients.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Requests by id, with their work items: one <c>RequestDirectory.GetRequests</c> per level. The service leaves out
/// what the caller may not see, which resolves to null here.
/// </summary>
public sealed class RequestLoader(RequestDirectory.RequestDirectoryClient directory) : BatchLoader<string, RequestEntry>
{
    protected override async Task<IReadOnlyDictionary<string, RequestEntry>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetRequestsAsync(new GetRequestsRequest { RequestIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Requests.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Timelines by request id. requests.proto answers one timeline per call, so a level costs one call per request, made
/// concurrently; the field's complexity is set high to keep that bounded. A batched GetTimelines would make it one call.
/// </summary>
public sealed class TimelineLoader(RequestDirectory.RequestDirectoryClient directory) : BatchLoader<string, IReadOnlyList<TimelineEntry>>
{
    protected override async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEntry>>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var replies = await Task.WhenAll(keys.Select(async id =>
            (id, reply: await directory.GetTimelineAsync(new GetTimelineRequest { RequestId = id }, cancellationToken: cancellationToken))));
        return replies.ToDictionary(r => r.id, r => (IReadOnlyList<TimelineEntry>)r.reply.Entries.ToList());
    }
}
