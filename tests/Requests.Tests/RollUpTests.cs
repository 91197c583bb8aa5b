using ClientRequests.Requests.Domain;

namespace Requests.Tests;

public sealed class RollUpTests
{
    [Fact]
    public void A_request_is_routed_once_every_work_item_is_queued()
    {
        var request = Requests.New("billing", "legal");
        request.Progress(0, 1, RequestWorkItemStatus.Queued, 1);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        request.Progress(1, 1, RequestWorkItemStatus.Queued, 2);
        Assert.Equal(RequestStatus.Routed, request.Status);
    }

    [Fact]
    public void A_request_is_in_progress_while_any_department_works_on_it()
    {
        var claimed = Routed("billing", "legal");
        claimed.Progress(0, 2, RequestWorkItemStatus.Claimed, 3);
        Assert.Equal(RequestStatus.InProgress, claimed.Status);

        var completed = Routed("billing", "legal");
        completed.Progress(0, 2, RequestWorkItemStatus.Completed, 3);
        Assert.Equal(RequestStatus.InProgress, completed.Status);
    }

    [Fact]
    public void Completing_the_last_work_item_fulfils_the_request()
    {
        var fulfilled = Requests.New("billing", "legal");
        fulfilled.Progress(0, 1, RequestWorkItemStatus.Claimed, 1);
        fulfilled.Progress(0, 2, RequestWorkItemStatus.Completed, 2);
        Assert.Equal(RequestStatus.InProgress, fulfilled.Status);
        fulfilled.Progress(1, 1, RequestWorkItemStatus.HandedOver, 3);
        Assert.Equal(RequestStatus.Fulfilled, fulfilled.Status);

        var rejected = Requests.In(RequestStatus.InProgress);
        rejected.Progress(0, 3, RequestWorkItemStatus.Rejected, 3);
        Assert.Equal(RequestStatus.Rejected, rejected.Status);
    }

    [Fact]
    public void A_cancelled_request_stays_cancelled_whatever_the_departments_do()
    {
        var request = Requests.In(RequestStatus.Cancelled);
        request.Progress(0, 1, RequestWorkItemStatus.Completed, 9);
        Assert.Equal(RequestStatus.Cancelled, request.Status);
    }

    [Fact]
    public void A_late_older_progress_event_does_not_move_a_work_item_back()
    {
        var item = new RequestWorkItem
        {
            Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), DepartmentCode = "billing", DepartmentName = "Billing",
            AssignedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.True(item.Apply(2, RequestWorkItemStatus.Claimed, DateTimeOffset.UnixEpoch.AddMinutes(2)));
        Assert.False(item.Apply(1, RequestWorkItemStatus.Queued, DateTimeOffset.UnixEpoch.AddMinutes(1)));
        Assert.Equal(RequestWorkItemStatus.Claimed, item.Status);
        // The late event still tells when the item was queued.
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), item.QueuedAt);
        Assert.False(item.Apply(2, RequestWorkItemStatus.Claimed, DateTimeOffset.UnixEpoch.AddMinutes(2)));
    }

    static ClientRequest Routed(params string[] departments)
    {
        var request = Requests.New(departments);
        for (var i = 0; i < departments.Length; i++) request.Progress(i, 1, RequestWorkItemStatus.Queued, 1);
        Assert.Equal(RequestStatus.Routed, request.Status);
        return request;
    }
}
