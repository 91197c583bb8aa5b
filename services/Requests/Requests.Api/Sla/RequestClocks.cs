using ClientRequests.Contracts.Departments;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// The one place the service turns a request's timeline into its clocks: evaluates the pure engine with the current policy version,
/// stores the result on the rows, and puts what others must hear (a rising at-risk or breach, a department's changed clock)
/// into the outbox of the same unit of work. Every writer of a request calls it, and so does the monitor.
/// </summary>
public sealed class RequestClocks(SlaPolicies policies, TimeProvider clock)
{
    /// <summary>The policy version clocks are computed with now, on this replica.</summary>
    public ActiveSlaPolicy Policy => policies.Current;

    public DateTimeOffset Now => clock.GetUtcNow();

    public SlaReport Evaluate(ClientRequest request, IEnumerable<TimelineEntry> timeline, DateTimeOffset now) =>
        Evaluate(Policy.Rules, request, timeline, now);

    static SlaReport Evaluate(SlaRules rules, ClientRequest request, IEnumerable<TimelineEntry> timeline, DateTimeOffset now) =>
        SlaEngine.Evaluate(timeline, rules.PolicyFor(request.Type, request.Priority), rules.Calendar, rules.DepartmentTargets(request.Priority), now);

    /// <summary>Evaluates against the full timeline: what is stored plus what this unit of work added.</summary>
    public async Task RefreshAsync(RequestsDbContext db, ClientRequest request, CancellationToken cancellationToken)
    {
        // Another replica computed this request with a version this one has not picked up yet: catch up rather than step back.
        if (request.SlaPolicyVersion > Policy.Version) await policies.RefreshAsync(db, cancellationToken);
        var stored = await db.Timeline.AsNoTracking().Where(t => t.RequestId == request.Id).ToListAsync(cancellationToken);
        var ids = stored.Select(t => t.Id).ToHashSet();
        var managers = await db.CurrentManagersAsync([request.ClientId], cancellationToken);
        Apply(db, request, stored.Concat(request.Timeline.Where(t => !ids.Contains(t.Id))), clock.GetUtcNow(), managers.GetValueOrDefault(request.ClientId));
    }

    /// <param name="currentManager">The client's account manager now (the team projection), who is escalated to for the request's clocks;
    /// the one of the day it was opened when the projection does not know the client.</param>
    public void Apply(RequestsDbContext db, ClientRequest request, IEnumerable<TimelineEntry> timeline, DateTimeOffset now, string? currentManager = null)
    {
        var policy = Policy;
        // Behind another replica: its newer answer stays until this one has caught up (within Sla:PolicyRefresh).
        if (request.SlaPolicyVersion > policy.Version) return;
        // Closed before this version took effect: the request keeps the verdict of the policy it was judged by (ADR 0032).
        if (!request.IsOpen && request.ClosedAt < policy.ChangedAt && request.SlaPolicyVersion != policy.Version) return;
        var report = Evaluate(policy.Rules, request, timeline, now);
        // Only a request computed by an earlier version can have moved because of this one (0: computed before versions existed).
        var moved = request.SlaPolicyVersion is > 0 && request.SlaPolicyVersion != policy.Version ? Moved(request, report) : [];
        var resolutionBefore = request.ResolutionSla.DueAt;
        foreach (var alert in request.ApplySla(report, now)) Publish(db, request, currentManager ?? request.AccountManagerId, alert, now);
        foreach (var item in request.ApplyClocks(report, now))
            db.Publish(new WorkItemClockChanged
            {
                WorkItemId = item.Id, RequestId = request.Id, DepartmentCode = item.DepartmentCode, ClockRevision = item.ClockRevision,
                DueAt = item.Ola.DueAt, AtRiskAt = item.Ola.AtRiskAt, Paused = item.Ola.IsPaused, ChangedAt = now,
            }, clock);
        if (moved.Count > 0)
        {
            // A change of the request like any other: two writers recomputing it at once must not both say so.
            request.Version++;
            request.Record(TimelineKinds.SlaPolicyChanged, TimelineKinds.System, now, $"SLA policy version {policy.Version} moved {string.Join(", ", moved)}.",
                before: resolutionBefore?.ToString("O"), after: request.ResolutionSla.DueAt?.ToString("O"));
        }
        request.SlaPolicyVersion = policy.Version;
    }
    /// <summary>The assignment of a work item whose clock was just applied: the department receives its due and at-risk instants with it.</summary>
    public AssignWorkItem Assignment(ClientRequest request, RequestWorkItem item)
    {
        if (item.Ola is not { DueAt: { } dueAt, AtRiskAt: { } atRiskAt })
            throw new InvalidOperationException($"Work item {item.Id} is assigned before its clock was evaluated.");
        item.ClockRevision = 1;
        return new AssignWorkItem
        {
            WorkItemId = item.Id, RequestId = request.Id, ClientId = request.ClientId, DepartmentCode = item.DepartmentCode,
            Type = request.Type, Priority = request.Priority.ToString(), Title = request.Title, Description = request.Description,
            AssignedAt = item.AssignedAt, DueAt = dueAt, AtRiskAt = atRiskAt, ClockRevision = item.ClockRevision,
        };
    }

    /// <summary>A stored clock as of now, on the calendar it runs on (the account teams' for the request, the department's for its item).</summary>
    public (string State, TimeSpan Elapsed) AsOf(SlaSnapshot snapshot, string? departmentCode, DateTimeOffset now) =>
        snapshot.AsOf(now, Policy.Rules.CalendarOf(departmentCode));

    /// <summary>The clocks whose target or due instant the report changes: what a new policy version moved on this request.</summary>
    static List<string> Moved(ClientRequest request, SlaReport report)
    {
        static bool Differs(SlaSnapshot stored, SlaClock? clock) =>
            stored.DueAt != clock?.DueAt || stored.Target != (clock?.Target ?? TimeSpan.Zero);
        var moved = new List<string>();
        if (Differs(request.FirstResponseSla, report.FirstResponse)) moved.Add("first-response");
        if (Differs(request.ResolutionSla, report.Resolution)) moved.Add("resolution");
        foreach (var item in request.WorkItems)
            if (report.WorkItems.TryGetValue(item.Id, out var ola) && Differs(item.Ola, ola)) moved.Add(ola.Name);
        return moved;
    }

    void Publish(RequestsDbContext db, ClientRequest request, string manager, SlaAlert alert, DateTimeOffset now)
    {
        var escalateTo = alert.WorkItem is { } item ? $"department-lead:{item.DepartmentCode}" : manager;
        if (alert.Breach)
            db.Publish(new SlaBreached
            {
                RequestId = request.Id, ClientId = request.ClientId, WorkItemId = alert.WorkItem?.Id, DepartmentCode = alert.WorkItem?.DepartmentCode,
                Clock = alert.Clock.Name, Elapsed = alert.Clock.Elapsed, Target = alert.Clock.Target, EscalateTo = escalateTo, DetectedAt = now,
            }, clock);
        else
            db.Publish(new SlaAtRisk
            {
                RequestId = request.Id, ClientId = request.ClientId, WorkItemId = alert.WorkItem?.Id, DepartmentCode = alert.WorkItem?.DepartmentCode,
                Clock = alert.Clock.Name, Elapsed = alert.Clock.Elapsed, Target = alert.Clock.Target, EscalateTo = escalateTo, DetectedAt = now,
            }, clock);
    }
}
