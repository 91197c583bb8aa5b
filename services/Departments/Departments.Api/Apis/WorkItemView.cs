using ClientRequests.Departments.Domain;

namespace ClientRequests.Departments.Apis;

public sealed record WorkItemView(Guid Id, Guid RequestId, Guid ClientId, string DepartmentCode, string Type, string Priority,
    string Title, string Status, string? ClaimedBy, DateTimeOffset QueuedAt,
    string Description, DateTimeOffset DueAt, bool AtRisk, DateTimeOffset? ClaimedAt, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt,
    string? ResolutionNote, string? RejectionReason, string? HandedOverTo, Guid? HandedOverAs, IReadOnlyList<string> RequiredSkills, int Sequence)
{
    public static WorkItemView From(WorkItem i, DateTimeOffset now) =>
        new(i.Id, i.RequestId, i.ClientId, i.DepartmentCode, i.Type, i.Priority, i.Title, i.Status.ToString(), i.ClaimedBy, i.QueuedAt,
            i.Description, i.DueAt, i.IsAtRisk(now), i.ClaimedAt, i.StartedAt, i.ClosedAt,
            i.ResolutionNote, i.RejectionReason, i.HandedOverTo, i.HandedOverAs, i.RequiredSkills, i.Sequence);
}
