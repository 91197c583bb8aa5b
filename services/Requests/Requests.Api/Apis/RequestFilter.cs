namespace ClientRequests.Requests.Apis;

/// <summary>The filters of a request list, as the REST query string and the gRPC message both carry them.</summary>
public sealed record RequestFilter(Guid? ClientId = null, string? Status = null, string? Department = null, string? Type = null,
    string? Priority = null, bool? Breached = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? After = null, int? Limit = null);
