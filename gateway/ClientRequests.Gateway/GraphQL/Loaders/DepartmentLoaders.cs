using ClientRequests.Departments.Grpc;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>
/// Departments by code, or all of them (<see cref="All"/>): one <c>DepartmentDirectory.ListDepartments</c> per level.
/// Asking for "all" and for some codes in the same level still costs one call: the whole list answers both.
/// </summary>
public sealed class DepartmentLoader(DepartmentDirectory.DepartmentDirectoryClient directory) : BatchLoader<string, IReadOnlyList<DepartmentInfo>>
{
    public const string All = "*";

    /// <summary>The departments service's limit per call (DirectoryService.MaxBatch).</summary>
    protected override int MaxBatch => 50;

    protected override async Task<IReadOnlyDictionary<string, IReadOnlyList<DepartmentInfo>>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var ask = new ListDepartmentsRequest();
        if (!keys.Contains(All)) ask.Codes.AddRange(keys);
        var departments = (await directory.ListDepartmentsAsync(ask, cancellationToken: cancellationToken)).Departments.ToList();
        var found = departments.ToDictionary(d => d.Code, d => (IReadOnlyList<DepartmentInfo>)[d], StringComparer.OrdinalIgnoreCase);
        found[All] = departments;
        return found;
    }
}

/// <summary>
/// The first page of each department's work queue: one <c>DepartmentDirectory.GetQueues</c> per level. Departments the
/// caller does not work in are left out by the service and resolve to null.
/// </summary>
public sealed class QueueLoader(DepartmentDirectory.DepartmentDirectoryClient directory) : BatchLoader<string, DepartmentQueuePage>
{
    /// <summary>The departments service's limit per call (DirectoryService.MaxBatch).</summary>
    protected override int MaxBatch => 50;

    protected override async Task<IReadOnlyDictionary<string, DepartmentQueuePage>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetQueuesAsync(new GetQueuesRequest { DepartmentCodes = { keys } }, cancellationToken: cancellationToken);
        return reply.Queues.ToDictionary(q => q.DepartmentCode, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>What each member holds against their capacity, per department: one <c>DepartmentDirectory.GetLoads</c> per level.</summary>
public sealed class LoadLoader(DepartmentDirectory.DepartmentDirectoryClient directory) : BatchLoader<string, DepartmentLoad>
{
    /// <summary>The departments service's limit per call (DirectoryService.MaxBatch).</summary>
    protected override int MaxBatch => 50;

    protected override async Task<IReadOnlyDictionary<string, DepartmentLoad>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var reply = await directory.GetLoadsAsync(new GetLoadsRequest { DepartmentCodes = { keys } }, cancellationToken: cancellationToken);
        return reply.Departments.ToDictionary(d => d.DepartmentCode, StringComparer.OrdinalIgnoreCase);
    }
}
