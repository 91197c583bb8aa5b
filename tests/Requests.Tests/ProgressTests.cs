using ClientRequests.Requests.Domain;
using static ClientRequests.Requests.Domain.RequestWorkItemStatus;

namespace Requests.Tests;

/// <summary>Departments' progress events applied in every order give the same request.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void Every_arrival_order_of_the_same_events_ends_in_the_same_state()
    {
        var template = Requests.New("billing", "legal");
        var handOverTo = Guid.NewGuid();
        WorkItemProgress Step(int item, int sequence, RequestWorkItemStatus status, int minute) =>
            new(template.WorkItems[item].Id, template.WorkItems[item].DepartmentCode, sequence, status, "agent", Requests.T0.AddMinutes(minute));
        WorkItemProgress[] events =
        [
            Step(0, 1, Queued, 1), Step(0, 2, Claimed, 2), Step(0, 3, Completed, 3) with { Text = "refunded" },
            Step(1, 1, Queued, 1), Step(1, 2, HandedOver, 4) with { ToDepartmentCode = "support", NewWorkItemId = handOverTo },
            new(handOverTo, "support", 1, Queued, "agent", Requests.T0.AddMinutes(5)),
        ];

        var outcomes = new HashSet<string>();
        foreach (var order in Permutations(events.Length))
        {
            var request = Requests.New("billing", "legal");
            for (var i = 0; i < 2; i++) request.WorkItems[i] = Clone(template.WorkItems[i]);
            foreach (var index in order) request.Apply(events[index]);
            outcomes.Add($"{request.Status}|{string.Join(",", request.WorkItems.OrderBy(w => w.Id).Select(w => $"{w.DepartmentCode}:{w.Status}:{w.HandedOverFrom is not null}"))}|{request.Timeline.Count(e => e.Sequence is not null)}");
        }

        var outcome = Assert.Single(outcomes);
        Assert.StartsWith("InProgress|", outcome);
        Assert.Contains("support:Queued:True", outcome);
        Assert.EndsWith("|6", outcome);
    }

    [Fact]
    public void A_request_cannot_be_fulfilled_while_a_handed_over_item_is_open()
    {
        var request = Requests.New("billing");
        var successor = Guid.NewGuid();
        request.Apply(new WorkItemProgress(request.WorkItems[0].Id, "billing", 2, HandedOver, "carol", Requests.T0.AddMinutes(1),
            ToDepartmentCode: "legal", NewWorkItemId: successor));
        Assert.NotEqual(RequestStatus.Fulfilled, request.Status);
        Assert.Equal(2, request.WorkItems.Count);

        request.Apply(new WorkItemProgress(successor, "legal", 3, Completed, "erin", Requests.T0.AddMinutes(9), Text: "done"));

        Assert.Equal(RequestStatus.Fulfilled, request.Status);
        Assert.Equal(Requests.T0.AddMinutes(9), request.ClosedAt);
    }

    [Fact]
    public void A_late_event_goes_on_the_timeline_at_its_own_time_without_moving_the_item_back()
    {
        var request = Requests.New("billing");
        request.Progress(0, 2, Claimed, 5);
        request.Progress(0, 1, Queued, 1);

        Assert.Equal(Claimed, request.WorkItems[0].Status);
        Assert.Equal(Requests.T0.AddMinutes(1), request.WorkItems[0].QueuedAt);
        Assert.Contains(request.Timeline, e => e.Kind == TimelineKinds.WorkItemQueued && e.At == Requests.T0.AddMinutes(1));
        Assert.Equal(RequestStatus.InProgress, request.Status);
    }

    [Fact]
    public void Departments_do_not_move_a_request_that_waits_on_its_client()
    {
        var request = Requests.New("billing");
        Assert.Null(request.WaitOnClient("alice", Requests.T0, null));
        request.Progress(0, 3, Completed, 5);
        Assert.Equal(RequestStatus.WaitingOnClient, request.Status);
    }

    static RequestWorkItem Clone(RequestWorkItem w) =>
        new() { Id = w.Id, RequestId = w.RequestId, DepartmentCode = w.DepartmentCode, DepartmentName = w.DepartmentName, AssignedAt = w.AssignedAt };

    static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 1) { yield return [0]; yield break; }
        foreach (var rest in Permutations(n - 1))
            for (var i = 0; i <= rest.Length; i++)
                yield return [.. rest[..i], n - 1, .. rest[i..]];
    }
}
