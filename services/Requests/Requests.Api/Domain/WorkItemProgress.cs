namespace ClientRequests.Requests.Domain;

/// <summary>A department's progress event on one work item, whatever its message type.</summary>
public sealed record WorkItemProgress(
    Guid WorkItemId, string DepartmentCode, int Sequence, RequestWorkItemStatus Status, string ActorId, DateTimeOffset At,
    string? Text = null, string? ToDepartmentCode = null, Guid? NewWorkItemId = null);
