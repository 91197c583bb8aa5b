namespace ClientRequests.Requests.Domain;

/// <summary>
/// A work item's status as this service follows it. Not the departments service's own WorkItemStatus: Assigned comes
/// first here, for the time between routing and the department's WorkItemQueued.
/// </summary>
public enum RequestWorkItemStatus { Assigned, Queued, Claimed, InProgress, Completed, Rejected, HandedOver, Withdrawn }
