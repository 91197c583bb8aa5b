using ClientRequests.Contracts.Clients;
using ClientRequests.Contracts.Departments;
using ClientRequests.Contracts.Requests;
using ClientRequests.ServiceDefaults.Security;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>The events after submission, about one request, as the other services publish them.</summary>
public static class Events
{
    public static PlatformUser NewAgent(string department) => new($"agent-{Guid.NewGuid():N}", "An Agent", [Roles.DepartmentAgent], [department]);

    public static PlatformUser NewLead(string department) => new($"lead-{Guid.NewGuid():N}", "A Lead", [Roles.DepartmentLead], [department]);

    public static PlatformUser NewAnalyst() => new($"analyst-{Guid.NewGuid():N}", "An Analyst", [Roles.Analyst], []);

    /// <summary>A department code of the test's own, so group inboxes of parallel tests stay apart.</summary>
    public static string NewDepartment() => $"dept{Guid.NewGuid():N}"[..16];

    /// <summary>Publishes the submission and waits until the manager has it, so the request and its team are known.</summary>
    public static async Task<RequestSubmitted> SubmitAsync(NotificationsApp app, PlatformUser manager, PlatformUser[] executives, string? department = null)
    {
        var submitted = Submitted(manager, executives) with { DepartmentCodes = [department ?? "billing"] };
        await app.PublishAsync(submitted);
        await InboxEventuallyAsync(app.ClientFor(manager), i => i.Any(n => n.RequestId == submitted.RequestId));
        return submitted;
    }

    public static WorkItemQueued Queued(Guid requestId, string department) => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = department, Sequence = 1, QueuedAt = DateTimeOffset.UtcNow,
    };

    public static WorkItemClaimed Claimed(Guid requestId, string actor) => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = "billing", Sequence = 2, ActorId = actor, ClaimedAt = DateTimeOffset.UtcNow,
    };

    public static WorkItemStarted Started(Guid requestId, string actor) => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = "billing", Sequence = 3, ActorId = actor, StartedAt = DateTimeOffset.UtcNow,
    };

    public static WorkItemCompleted Completed(Guid requestId, string actor) => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = "billing", Sequence = 4, ActorId = actor,
        ResolutionNote = "Refunded the second charge", CompletedAt = DateTimeOffset.UtcNow,
    };

    public static WorkItemRejected Rejected(Guid requestId, string actor) => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = "billing", Sequence = 4, ActorId = actor,
        Reason = "Not a billing matter", RejectedAt = DateTimeOffset.UtcNow,
    };

    public static WorkItemHandedOver HandedOver(Guid requestId, string actor, string to = "support") => new()
    {
        WorkItemId = Guid.NewGuid(), RequestId = requestId, DepartmentCode = "billing", Sequence = 4, ActorId = actor, ToDepartmentCode = to,
        NewWorkItemId = Guid.NewGuid(), HandedOverAt = DateTimeOffset.UtcNow,
    };

    public static RequestStatusChanged StatusChanged(RequestSubmitted request, string status, string actor = "system") => new()
    {
        RequestId = request.RequestId, ClientId = request.ClientId, AccountManagerId = request.AccountManagerId, Status = status, ActorId = actor,
        ChangedAt = DateTimeOffset.UtcNow,
    };

    public static SatisfactionRecorded Satisfaction(RequestSubmitted request, string recordedBy) => new()
    {
        RequestId = request.RequestId, ClientId = request.ClientId, Type = request.Type, Score = 4, Comment = "Quick refund",
        RecordedBy = recordedBy, RecordedAt = DateTimeOffset.UtcNow,
    };

    public static CommentAdded Comment(RequestSubmitted request, string authorId, string text) => new()
    {
        RequestId = request.RequestId, ClientId = request.ClientId, EntryId = Guid.NewGuid(), AuthorId = authorId, Text = text,
        Visibility = "internal", At = DateTimeOffset.UtcNow,
    };

    public static SlaAtRisk AtRisk(RequestSubmitted request, string escalateTo, string? department = null) => new()
    {
        RequestId = request.RequestId, ClientId = request.ClientId, WorkItemId = department is null ? null : Guid.NewGuid(),
        DepartmentCode = department, Clock = department is null ? "resolution" : $"ola:{department}", Elapsed = TimeSpan.FromHours(8),
        Target = TimeSpan.FromHours(10), EscalateTo = escalateTo, DetectedAt = DateTimeOffset.UtcNow,
    };

    public static SlaBreached Breached(RequestSubmitted request, string escalateTo, string? department = null) => new()
    {
        RequestId = request.RequestId, ClientId = request.ClientId, WorkItemId = department is null ? null : Guid.NewGuid(),
        DepartmentCode = department, Clock = department is null ? "resolution" : $"ola:{department}", Elapsed = TimeSpan.FromHours(11),
        Target = TimeSpan.FromHours(10), EscalateTo = escalateTo, DetectedAt = DateTimeOffset.UtcNow,
    };

    public static AccountTeamChanged TeamChanged(Guid clientId, PlatformUser manager, PlatformUser[] executives, DateTimeOffset changedAt) => new()
    {
        ClientId = clientId, AccountManagerId = manager.Id, AccountExecutiveIds = executives.Select(e => e.Id).ToList(), ChangedBy = "grace",
        ChangedAt = changedAt,
    };
}
