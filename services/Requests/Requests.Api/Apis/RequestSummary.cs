namespace ClientRequests.Requests.Apis;

/// <summary>A row of a request list: what the list shows of a request, with its clocks (<see cref="RequestSlaView"/>).</summary>
public sealed record RequestSummary(Guid Id, Guid ClientId, string ClientName, string Type, string Priority, string Title, string Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? WantedBy, string? ExternalReference, bool AtRisk, bool Breached, RequestSlaView Sla);
