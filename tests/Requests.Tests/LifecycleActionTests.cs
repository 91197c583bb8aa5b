using ClientRequests.Requests.Domain;
using static ClientRequests.Requests.Domain.RequestStatus;

namespace Requests.Tests;

/// <summary>What people may do to a request in each state, and that a refusal names the current state and changes nothing.</summary>
public sealed class LifecycleActionTests
{
    static readonly DateTimeOffset Later = Requests.T0.AddHours(1);

    public static TheoryData<RequestStatus> AllStates() => new(Enum.GetValues<RequestStatus>());

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Cancelling_is_allowed_until_the_request_is_closed(RequestStatus status)
    {
        var request = Requests.In(status);
        AssertMove(request, request.Cancel("alice", Later, "duplicate"), status != Fulfilled && status != Rejected && status != Cancelled, Cancelled);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Waiting_on_the_client_is_allowed_while_the_request_is_open(RequestStatus status)
    {
        var request = Requests.In(status);
        AssertMove(request, request.WaitOnClient("alice", Later, "need the invoice number"),
            status is Submitted or Routed or InProgress or Reopened, WaitingOnClient);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Only_a_request_waiting_on_its_client_can_resume(RequestStatus status)
    {
        var request = Requests.In(status);
        AssertMove(request, request.Resume("alice", Later), status == WaitingOnClient, Submitted);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Only_a_fulfilled_or_rejected_request_can_be_reopened(RequestStatus status)
    {
        var request = Requests.In(status);
        AssertMove(request, request.Reopen("alice", Later, "still broken", null).Refused, status is Fulfilled or Rejected, Reopened);
    }

    [Fact]
    public void A_refusal_names_the_current_state()
    {
        var refused = Requests.In(Cancelled).Reopen("alice", Later, null, null).Refused;
        Assert.NotNull(refused);
        Assert.Equal(Cancelled, refused.Current);
        Assert.Contains("Cancelled", refused.Message);
    }

    [Fact]
    public void Resuming_returns_to_the_paused_state_and_catches_up_with_the_departments()
    {
        var request = Requests.In(Routed);
        Assert.Null(request.WaitOnClient("alice", Requests.T0.AddMinutes(10), null));
        request.Progress(0, 2, RequestWorkItemStatus.Claimed, 11);
        Assert.Equal(WaitingOnClient, request.Status);

        Assert.Null(request.Resume("alice", Requests.T0.AddMinutes(12)));

        Assert.Equal(InProgress, request.Status);
        Assert.Null(request.PausedFrom);
    }

    [Fact]
    public void Reopening_redoes_the_completed_work_in_a_new_round_and_leaves_the_rest()
    {
        var request = Requests.New("billing", "legal");
        request.Progress(0, 3, RequestWorkItemStatus.Completed, 5);
        request.Progress(1, 3, RequestWorkItemStatus.Rejected, 6);
        Assert.Equal(Fulfilled, request.Status);

        var (refused, items) = request.Reopen("alice", Later, "refund missing", null);

        Assert.Null(refused);
        var redo = Assert.Single(items);
        Assert.Equal(("billing", 2), (redo.DepartmentCode, redo.Round));
        Assert.Equal(2, request.Round);
        Assert.Equal(Reopened, request.Status);
        Assert.Null(request.ClosedAt);
    }

    static void AssertMove(ClientRequest request, TransitionRefused? refused, bool allowed, RequestStatus to)
    {
        var before = request.Status;
        if (allowed)
        {
            Assert.Null(refused);
            Assert.Equal(to, request.Status);
            Assert.Contains(request.Timeline, e => e.Kind == TimelineKinds.StatusChanged && e.Status == to);
            return;
        }
        Assert.NotNull(refused);
        Assert.Equal(before, refused.Current);
        Assert.Equal(before, request.Status);
    }
}
