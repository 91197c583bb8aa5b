using ClientRequests.Requests.Domain;

namespace Requests.Tests;

public sealed class RollUpTests
{
    [Fact]
    public void A_request_is_routed_once_every_work_item_is_queued()
    {
        Assert.Equal(RequestStatus.Submitted, ClientRequest.RollUpStatus(RequestStatus.Submitted, [WorkItemStatus.Queued, WorkItemStatus.Assigned]));
        Assert.Equal(RequestStatus.Routed, ClientRequest.RollUpStatus(RequestStatus.Submitted, [WorkItemStatus.Queued, WorkItemStatus.Queued]));
    }

    [Fact]
    public void A_request_is_in_progress_while_any_department_works_on_it()
    {
        Assert.Equal(RequestStatus.InProgress, ClientRequest.RollUpStatus(RequestStatus.Routed, [WorkItemStatus.Claimed, WorkItemStatus.Queued]));
        Assert.Equal(RequestStatus.InProgress, ClientRequest.RollUpStatus(RequestStatus.Routed, [WorkItemStatus.Completed, WorkItemStatus.Queued]));
    }

    [Fact]
    public void Completing_the_last_work_item_fulfils_the_request()
    {
        Assert.Equal(RequestStatus.Fulfilled, ClientRequest.RollUpStatus(RequestStatus.InProgress, [WorkItemStatus.Completed, WorkItemStatus.HandedOver]));
        Assert.Equal(RequestStatus.Rejected, ClientRequest.RollUpStatus(RequestStatus.InProgress, [WorkItemStatus.Rejected]));
    }

    [Fact]
    public void A_cancelled_request_stays_cancelled_whatever_the_departments_do()
    {
        Assert.Equal(RequestStatus.Cancelled, ClientRequest.RollUpStatus(RequestStatus.Cancelled, [WorkItemStatus.Completed]));
    }

    [Fact]
    public void A_late_older_progress_event_does_not_move_a_work_item_back()
    {
        var item = new RequestWorkItem
        {
            Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), DepartmentCode = "billing", DepartmentName = "Billing",
            AssignedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.True(item.Apply(2, WorkItemStatus.Claimed, DateTimeOffset.UnixEpoch.AddMinutes(2)));
        Assert.False(item.Apply(1, WorkItemStatus.Queued, DateTimeOffset.UnixEpoch.AddMinutes(1)));
        Assert.Equal(WorkItemStatus.Claimed, item.Status);
        // The late event still tells when the item was queued.
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), item.QueuedAt);
        Assert.False(item.Apply(2, WorkItemStatus.Claimed, DateTimeOffset.UnixEpoch.AddMinutes(2)));
    }
}
