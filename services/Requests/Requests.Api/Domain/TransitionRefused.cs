namespace ClientRequests.Requests.Domain;

/// <summary>A move the lifecycle does not allow; the API answers it with a 409 naming the current state.</summary>
public sealed record TransitionRefused(RequestStatus Current, string Action)
{
    public string Message => $"The request is {Current}: it cannot be {Action}.";
}
