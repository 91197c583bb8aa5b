using ClientRequests.Requests.Domain;
using static ClientRequests.Requests.Domain.RequestStatus;

namespace Requests.Tests;

/// <summary>Every pair of states, allowed or forbidden: the lifecycle as the issue specifies it.</summary>
public sealed class LifecycleTests
{
    static readonly HashSet<(RequestStatus, RequestStatus)> Expected =
    [
        (Submitted, Routed), (Submitted, InProgress), (Submitted, WaitingOnClient), (Submitted, Fulfilled), (Submitted, Rejected), (Submitted, Cancelled),
        (Routed, InProgress), (Routed, WaitingOnClient), (Routed, Fulfilled), (Routed, Rejected), (Routed, Cancelled),
        (InProgress, WaitingOnClient), (InProgress, Fulfilled), (InProgress, Rejected), (InProgress, Cancelled),
        (WaitingOnClient, Submitted), (WaitingOnClient, Routed), (WaitingOnClient, InProgress), (WaitingOnClient, Reopened), (WaitingOnClient, Cancelled),
        (Reopened, Routed), (Reopened, InProgress), (Reopened, WaitingOnClient), (Reopened, Fulfilled), (Reopened, Rejected), (Reopened, Cancelled),
        (Fulfilled, Reopened),
        (Rejected, Reopened),
    ];

    public static TheoryData<RequestStatus, RequestStatus> AllPairs()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var from in Enum.GetValues<RequestStatus>())
            foreach (var to in Enum.GetValues<RequestStatus>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_move_is_allowed_exactly_when_the_lifecycle_lists_it(RequestStatus from, RequestStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), Lifecycle.CanMove(from, to));

    [Fact]
    public void A_cancelled_request_can_go_nowhere() =>
        Assert.All(Enum.GetValues<RequestStatus>(), to => Assert.False(Lifecycle.CanMove(Cancelled, to)));

    [Theory]
    [InlineData(Fulfilled, true)]
    [InlineData(Rejected, true)]
    [InlineData(Cancelled, true)]
    [InlineData(Submitted, false)]
    [InlineData(WaitingOnClient, false)]
    [InlineData(Reopened, false)]
    public void Only_fulfilled_rejected_and_cancelled_requests_are_closed(RequestStatus status, bool closed) =>
        Assert.Equal(closed, Lifecycle.IsClosed(status));
}
