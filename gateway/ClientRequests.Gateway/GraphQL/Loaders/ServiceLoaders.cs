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
    /// <summary>The requests service's limit per call (RequestDirectoryService.MaxIds).</summary>
    protected override int MaxBatch => 500;

    protected override async Task<IReadOnlyDictionary<string, RequestEntry>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetRequestsAsync(new GetRequestsRequest { RequestIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Requests.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Timelines by request id: one <c>RequestDirectory.GetTimelines</c> per level; invisible requests resolve to null.</summary>
public sealed class TimelineLoader(RequestDirectory.RequestDirectoryClient directory) : BatchLoader<string, IReadOnlyList<TimelineEntry>>
{
    /// <summary>The requests service's limit per call (RequestDirectoryService.MaxIds).</summary>
    protected override int MaxBatch => 500;

    protected override async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEntry>>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetTimelinesAsync(new GetTimelinesRequest { RequestIds = { keys } }, cancellationToken: cancellationToken);
        return reply.Timelines.ToDictionary(t => t.RequestId, t => (IReadOnlyList<TimelineEntry>)t.Entries.ToList(), StringComparer.OrdinalIgnoreCase);
    }
}
