using ClientRequests.Requests.Domain;

namespace Requests.Tests;

/// <summary>Requests in a given state, built through the domain's own moves.</summary>
static class Requests
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static ClientRequest New(params string[] departments)
    {
        var request = new ClientRequest
        {
            Id = Guid.NewGuid(), ClientId = Guid.NewGuid(), ClientName = "Acme", AccountManagerId = "alice", OpenedBy = "alice",
            Type = "billing", Priority = Priority.P2, Title = "t", Description = "d", RoutedBy = "rule", SubmittedAt = T0,
        };
        foreach (var code in departments.DefaultIfEmpty("billing"))
            request.WorkItems.Add(new RequestWorkItem { Id = Guid.NewGuid(), RequestId = request.Id, DepartmentCode = code, DepartmentName = code, AssignedAt = T0 });
        return request;
    }

    public static void Progress(this ClientRequest request, int item, int sequence, RequestWorkItemStatus status, int minute) =>
        request.Apply(new WorkItemProgress(request.WorkItems[item].Id, request.WorkItems[item].DepartmentCode, sequence, status, "carol", T0.AddMinutes(minute)));

    /// <summary>A request with one work item, brought to <paramref name="status"/>.</summary>
    public static ClientRequest In(RequestStatus status)
    {
        var request = New();
        switch (status)
        {
            case RequestStatus.Submitted: break;
            case RequestStatus.Routed: request.Progress(0, 1, RequestWorkItemStatus.Queued, 1); break;
            case RequestStatus.InProgress: request.Progress(0, 2, RequestWorkItemStatus.Claimed, 2); break;
            case RequestStatus.WaitingOnClient: Assert.Null(request.WaitOnClient("alice", T0.AddMinutes(3), "asked")); break;
            case RequestStatus.Fulfilled: request.Progress(0, 4, RequestWorkItemStatus.Completed, 4); break;
            case RequestStatus.Rejected: request.Progress(0, 4, RequestWorkItemStatus.Rejected, 4); break;
            case RequestStatus.Cancelled: Assert.Null(request.Cancel("alice", T0.AddMinutes(5), "no longer needed")); break;
            case RequestStatus.Reopened:
                request.Progress(0, 4, RequestWorkItemStatus.Completed, 4);
                Assert.Null(request.Reopen("alice", T0.AddMinutes(6), "not fixed", null).Refused);
                break;
        }
        Assert.Equal(status, request.Status);
        return request;
    }
}
