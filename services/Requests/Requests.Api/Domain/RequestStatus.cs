namespace ClientRequests.Requests.Domain;

public enum RequestStatus { Submitted, Routed, InProgress, WaitingOnClient, Fulfilled, Rejected, Cancelled, Reopened }
