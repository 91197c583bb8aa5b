using ClientRequests.Messaging;

namespace ClientRequests.Departments.Consumers;

/// <summary>A message about a work item overtook its assignment; the retry finds the item once the assignment is consumed.</summary>
public sealed class WorkItemNotYetAssignedException(Guid workItemId)
    : PassingFailureException($"Work item {workItemId} is not in its department's queue yet; the message about it is retried.");
