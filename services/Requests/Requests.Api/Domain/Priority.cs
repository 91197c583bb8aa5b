namespace ClientRequests.Requests.Domain;

public enum Priority { P1, P2, P3, P4 }
