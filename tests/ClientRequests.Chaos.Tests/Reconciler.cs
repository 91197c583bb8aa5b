namespace ClientRequests.Chaos.Tests;

/// <summary>Anomalies by kind; each is one thing the platform promised and did not do (or did twice, or made up).</summary>
public sealed record Anomalies
{
    public int LostRequests { get; init; }
    public int LostWorkItems { get; init; }
    public int LostProgressEvents { get; init; }
    /// <summary>A request whose status is not the roll-up of its departments' work items.</summary>
    public int WrongRollUps { get; init; }
    public int DuplicatedRequests { get; init; }
    public int DuplicatedWorkItems { get; init; }
    public int DuplicatedProgressEvents { get; init; }
    public int DuplicatedStatusChanges { get; init; }
    public int UnexpectedRequests { get; init; }
    public int UnexpectedWorkItems { get; init; }
    public int UnexpectedProgressEvents { get; init; }

    public int Lost => LostRequests + LostWorkItems + LostProgressEvents + WrongRollUps;
    public int Duplicated => DuplicatedRequests + DuplicatedWorkItems + DuplicatedProgressEvents + DuplicatedStatusChanges;
    public int Unexpected => UnexpectedRequests + UnexpectedWorkItems + UnexpectedProgressEvents;
}

/// <summary>The reconciliation of what clients were told against what the services stored.</summary>
public sealed record Reconciliation(
    int Attempted, int Accepted, int Refused, int Indeterminate, int IndeterminateRecorded,
    int WorkItemsChecked, int ProgressEventsChecked, int AcceptedIntact, Anomalies Anomalies, IReadOnlyList<string> Examples)
{
    public double OkFraction => Accepted == 0 ? 0 : (double)AcceptedIntact / Accepted;
    public bool Clean => Anomalies is { Lost: 0, Duplicated: 0, Unexpected: 0 };
}

/// <summary>
/// Pure: given every attempt and a snapshot of the databases, checks that each accepted request (and each
/// indeterminate one that did get recorded) exists once, has exactly one work item per routed department in the
/// departments service, that every progress step the departments service made (sequence 1..n of each item) is on
/// the request's timeline exactly once with the item's latest state, and that the request's status is the
/// roll-up of its items. Anything stored that no client asked for is unexpected.
/// </summary>
public static class Reconciler
{
    const int ExampleLimit = 12;

    public static Reconciliation Reconcile(IReadOnlyCollection<Attempt> attempts, DatabaseSnapshot snapshot)
    {
        var examples = new List<string>();
        void Example(string text) { if (examples.Count < ExampleLimit) examples.Add(text); }

        int lostRequests = 0, lostItems = 0, lostEvents = 0, wrongRollUps = 0;
        int duplicatedRequests = 0, duplicatedItems = 0, duplicatedEvents = 0, duplicatedStatus = 0;
        int unexpectedRequests = 0, unexpectedItems = 0, unexpectedEvents = 0;
        int itemsChecked = 0, eventsChecked = 0, intact = 0, indeterminateRecorded = 0;

        var rowsByReference = snapshot.Requests.Where(r => r.ExternalReference is not null).ToLookup(r => r.ExternalReference!);
        var requestItems = snapshot.RequestWorkItems.ToLookup(w => w.RequestId);
        var requestItemById = snapshot.RequestWorkItems.ToDictionary(w => w.Id);
        var departmentItems = snapshot.DepartmentWorkItems.ToLookup(w => w.RequestId);
        var steps = snapshot.Timeline.Where(t => t.WorkItemId is not null && t.Sequence is not null).ToLookup(t => t.WorkItemId!.Value);
        var statusChanges = snapshot.Timeline.Where(t => t.Kind == "status-changed").ToLookup(t => t.RequestId);
        var attemptsByReference = attempts.ToDictionary(a => a.ExternalReference);

        foreach (var attempt in attempts)
        {
            var rows = rowsByReference[attempt.ExternalReference].ToList();
            if (rows.Count > 1) { duplicatedRequests += rows.Count - 1; Example($"{attempt.ExternalReference}: stored {rows.Count} times"); }
            var row = rows.FirstOrDefault();
            switch (attempt.Outcome)
            {
                case Outcome.Refused when row is not null:
                    unexpectedRequests++;
                    Example($"{attempt.ExternalReference}: refused with {attempt.Status} but stored as {row.Id}");
                    continue;
                case Outcome.Refused:
                    continue;
                case Outcome.Indeterminate when row is null:
                    continue;
                case Outcome.Indeterminate:
                    indeterminateRecorded++;
                    break;
                case Outcome.Accepted when row is null:
                    lostRequests++;
                    lostItems += attempt.Departments.Count;
                    Example($"{attempt.ExternalReference}: accepted as {attempt.RequestId} but not stored");
                    continue;
                case Outcome.Accepted when row.Id != attempt.RequestId:
                    unexpectedRequests++;
                    Example($"{attempt.ExternalReference}: accepted as {attempt.RequestId} but stored as {row.Id}");
                    continue;
            }

            // Routed departments: what the client was told, or for an unanswered attempt what the request recorded.
            var routed = attempt.Outcome == Outcome.Accepted
                ? attempt.Departments
                : requestItems[row!.Id].Select(w => w.DepartmentCode).ToList();
            var before = (lostItems, lostEvents, wrongRollUps, duplicatedItems, duplicatedEvents, duplicatedStatus, unexpectedItems, unexpectedEvents);

            var stored = departmentItems[row!.Id].ToList();
            foreach (var department in routed)
            {
                var items = stored.Where(w => w.DepartmentCode == department).ToList();
                itemsChecked++;
                if (items.Count == 0) { lostItems++; Example($"{row.Id}: no work item in {department}"); }
                if (items.Count > 1) { duplicatedItems += items.Count - 1; Example($"{row.Id}: {items.Count} work items in {department}"); }
            }
            foreach (var extra in stored.Where(w => !routed.Contains(w.DepartmentCode)))
            {
                unexpectedItems++;
                Example($"{row.Id}: work item {extra.Id} in {extra.DepartmentCode}, which it was not routed to");
            }

            foreach (var item in stored)
            {
                var applied = steps[item.Id].GroupBy(t => t.Sequence!.Value).ToDictionary(g => g.Key, g => g.Count());
                for (var sequence = 1; sequence <= item.Sequence; sequence++)
                {
                    eventsChecked++;
                    var times = applied.GetValueOrDefault(sequence);
                    if (times == 0) { lostEvents++; Example($"{row.Id}/{item.DepartmentCode}: step {sequence} of {item.Sequence} not on the timeline"); }
                    if (times > 1) { duplicatedEvents += times - 1; Example($"{row.Id}/{item.DepartmentCode}: step {sequence} applied {times} times"); }
                }
                var ahead = applied.Keys.Count(s => s > item.Sequence);
                if (ahead > 0) { unexpectedEvents += ahead; Example($"{row.Id}/{item.DepartmentCode}: {ahead} steps the department never made"); }

                if (!requestItemById.TryGetValue(item.Id, out var tracked) || tracked.RequestId != row.Id)
                {
                    lostEvents++;
                    Example($"{row.Id}/{item.DepartmentCode}: the request does not know work item {item.Id}");
                }
                else if (tracked.LastSequence != item.Sequence || tracked.Status != item.Status)
                {
                    lostEvents++;
                    Example($"{row.Id}/{item.DepartmentCode}: request has {tracked.Status}@{tracked.LastSequence}, department {item.Status}@{item.Sequence}");
                }
            }

            if (stored.Count > 0 && RollUp(stored.Select(w => w.Status).ToList()) is var expected && row.Status != expected)
            {
                wrongRollUps++;
                Example($"{row.Id}: status {row.Status}, its work items roll up to {expected}");
            }
            foreach (var repeated in statusChanges[row.Id].GroupBy(t => t.Status).Where(g => g.Count() > 1))
            {
                duplicatedStatus += repeated.Count() - 1;
                Example($"{row.Id}: entered {repeated.Key} {repeated.Count()} times");
            }

            if (attempt.Outcome == Outcome.Accepted &&
                before == (lostItems, lostEvents, wrongRollUps, duplicatedItems, duplicatedEvents, duplicatedStatus, unexpectedItems, unexpectedEvents))
                intact++;
        }

        foreach (var row in snapshot.Requests.Where(r => r.ExternalReference is null || !attemptsByReference.ContainsKey(r.ExternalReference)))
        {
            unexpectedRequests++;
            Example($"request {row.Id} ({row.ExternalReference}) was stored but never asked for");
        }
        var known = snapshot.Requests.Select(r => r.Id).ToHashSet();
        foreach (var orphan in snapshot.DepartmentWorkItems.Where(w => !known.Contains(w.RequestId)))
        {
            unexpectedItems++;
            Example($"work item {orphan.Id} in {orphan.DepartmentCode} for request {orphan.RequestId}, which does not exist");
        }

        return new Reconciliation(
            attempts.Count, attempts.Count(a => a.Outcome == Outcome.Accepted), attempts.Count(a => a.Outcome == Outcome.Refused),
            attempts.Count(a => a.Outcome == Outcome.Indeterminate), indeterminateRecorded, itemsChecked, eventsChecked, intact,
            new Anomalies
            {
                LostRequests = lostRequests, LostWorkItems = lostItems, LostProgressEvents = lostEvents, WrongRollUps = wrongRollUps,
                DuplicatedRequests = duplicatedRequests, DuplicatedWorkItems = duplicatedItems, DuplicatedProgressEvents = duplicatedEvents,
                DuplicatedStatusChanges = duplicatedStatus, UnexpectedRequests = unexpectedRequests, UnexpectedWorkItems = unexpectedItems,
                UnexpectedProgressEvents = unexpectedEvents,
            },
            examples);
    }

    /// <summary>The request's status as ADR 0010 rolls it up from its current work items (no hand-overs or reopening here).</summary>
    public static string RollUp(IReadOnlyList<string> itemStatuses)
    {
        bool Closed(string s) => s is "Completed" or "Rejected" or "HandedOver";
        if (itemStatuses.All(Closed)) return itemStatuses.Contains("Completed") ? "Fulfilled" : "Rejected";
        if (itemStatuses.Any(s => s is "Claimed" or "InProgress" or "Completed")) return "InProgress";
        return "Routed";
    }
}
