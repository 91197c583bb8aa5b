namespace ClientRequests.Departments.Domain;

public enum WorkItemStatus { Queued, Claimed, InProgress, Completed, Rejected, HandedOver, Withdrawn }
