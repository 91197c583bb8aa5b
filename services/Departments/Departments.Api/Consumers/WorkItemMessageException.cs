using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Domain;

namespace ClientRequests.Departments.Consumers;

/// <summary>An AssignWorkItem this department cannot take: wrong department, missing or oversized fields.</summary>
public sealed class WorkItemMessageException(string message) : Exception(message)
{
    public static void ThrowIfInvalid(AssignWorkItem message, Department? department)
    {
        string? problem =
            department is null ? $"there is no department '{message.DepartmentCode}'"
            : department.Mode != DepartmentMode.Managed ? $"department '{department.Code}' is external; its own system consumes its queue"
            : message.WorkItemId == Guid.Empty ? "WorkItemId is empty"
            : message.RequestId == Guid.Empty ? "RequestId is empty"
            : Invalid(message.Title, 200) ? "Title is missing or longer than 200 characters"
            : Invalid(message.Type, 60) ? "Type is missing or longer than 60 characters"
            : Invalid(message.Priority, 10) ? "Priority is missing or longer than 10 characters"
            : message.Description is null || message.Description.Length > 4000 ? "Description is missing or longer than 4000 characters"
            : message.AtRiskAt > message.DueAt ? "AtRiskAt is after DueAt"
            : null;
        if (problem is not null) throw new WorkItemMessageException($"AssignWorkItem {message.WorkItemId} refused: {problem}.");
    }

    static bool Invalid(string? value, int maxLength) => string.IsNullOrWhiteSpace(value) || value.Length > maxLength;
}
