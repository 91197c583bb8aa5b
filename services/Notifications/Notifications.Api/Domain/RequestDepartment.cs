namespace ClientRequests.Notifications.Domain;

/// <summary>A department that has (or had) a work item on a request; lets its staff watch the request.</summary>
public sealed class RequestDepartment
{
    public Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
}
