using ClientRequests.ServiceDefaults.Paging;

namespace ClientRequests.Gateway.GraphQL.Loaders;

public sealed record DepartmentView(string Code, string Name, string Mode, string? LeadId, IReadOnlyList<MemberView> Members);
public sealed record MemberView(string UserId, string Name, IReadOnlyList<string> Skills, int Capacity);
public sealed record QueueItemView(Guid Id, Guid RequestId, Guid ClientId, string DepartmentCode, string Type, string Priority,
    string Title, string Status, string? ClaimedBy, DateTimeOffset QueuedAt);

/// <summary>
/// Departments over the departments service's REST API: departments.proto offers only routing today. All departments
/// come in one call per HTTP request however often the query asks; swapping to a gRPC ListDepartments changes only this class.
/// </summary>
public sealed class DepartmentLoader(IHttpClientFactory http) : BatchLoader<string, IReadOnlyList<DepartmentView>>
{
    public const string All = "*";

    protected override async Task<IReadOnlyDictionary<string, IReadOnlyList<DepartmentView>>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var departments = await Rest.GetAsync<List<DepartmentView>>(http.CreateClient(Rest.Departments), "api/departments", cancellationToken);
        return new Dictionary<string, IReadOnlyList<DepartmentView>> { [All] = departments };
    }
}

/// <summary>A department's work queue (first page), one REST call per department code asked for.</summary>
public sealed class QueueLoader(IHttpClientFactory http) : BatchLoader<string, Page<QueueItemView>>
{
    protected override async Task<IReadOnlyDictionary<string, Page<QueueItemView>>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(Rest.Departments);
        var pages = await Task.WhenAll(keys.Select(async code =>
            (code, page: await Rest.GetAsync<Page<QueueItemView>>(client, $"api/departments/{Uri.EscapeDataString(code)}/queue", cancellationToken))));
        return pages.ToDictionary(p => p.code, p => p.page);
    }
}
