using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClientRequests.Chaos.Tests;

public sealed record Fault(TimeSpan At, string What, TimeSpan Took);

/// <summary>A run's figures, Jepsen style: what clients were told against what the platform stored.</summary>
public sealed record ChaosReport(
    string Variant, int Rounds, double RequestsPerSecond, TimeSpan LoadDuration, TimeSpan SettledAfter, bool Settled,
    int RequestsOutboxPending, int DepartmentsOutboxPending, int AgentSteps, int AgentFailedSteps, int RefusedWithRetryAfter,
    IReadOnlyDictionary<string, int> Statuses, IReadOnlyList<Fault> Faults, Reconciliation Result)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToTable()
    {
        var r = Result;
        var a = r.Anomalies;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Chaos suite ({Variant}): {Rounds} round(s), {RequestsPerSecond}/s for {LoadDuration.TotalSeconds:F0} s, settled {(Settled ? "in" : "NOT within")} {SettledAfter.TotalSeconds:F0} s");
        foreach (var fault in Faults)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {fault.At.TotalSeconds,6:F1} s  {fault.What} ({fault.Took.TotalSeconds:F1} s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"| attempted | accepted | refused | indeterminate (recorded) | lost | duplicated | unexpected | ok fraction |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Attempted} | {r.Accepted} | {r.Refused} | {r.Indeterminate} ({r.IndeterminateRecorded}) | {a.Lost} | {a.Duplicated} | {a.Unexpected} | {r.OkFraction:F4} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"work items checked {r.WorkItemsChecked}, progress events checked {r.ProgressEventsChecked}, agent steps {AgentSteps} (failed {AgentFailedSteps})");
        text.AppendLine(CultureInfo.InvariantCulture, $"answers: {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; 503 with Retry-After {RefusedWithRetryAfter}");
        text.AppendLine(CultureInfo.InvariantCulture, $"lost: requests {a.LostRequests}, work items {a.LostWorkItems}, progress events {a.LostProgressEvents}, roll-ups {a.WrongRollUps}; " +
            $"duplicated: requests {a.DuplicatedRequests}, work items {a.DuplicatedWorkItems}, events {a.DuplicatedProgressEvents}, status changes {a.DuplicatedStatusChanges}; " +
            $"unexpected: requests {a.UnexpectedRequests}, work items {a.UnexpectedWorkItems}, events {a.UnexpectedProgressEvents}");
        text.AppendLine(CultureInfo.InvariantCulture, $"outbox rows unsent: requests {RequestsOutboxPending}, departments {DepartmentsOutboxPending}");
        foreach (var example in r.Examples) text.AppendLine("  ! " + example);
        return text.ToString();
    }

    /// <summary>Writes the report as JSON (and the table beside it) and returns the JSON file's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"chaos-{Variant}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            variant = Variant, rounds = Rounds, requestsPerSecond = RequestsPerSecond, loadSeconds = LoadDuration.TotalSeconds,
            settled = Settled, settledAfterSeconds = SettledAfter.TotalSeconds,
            attempted = Result.Attempted, accepted = Result.Accepted, refused = Result.Refused, indeterminate = Result.Indeterminate,
            indeterminateRecorded = Result.IndeterminateRecorded, lost = Result.Anomalies.Lost, duplicated = Result.Anomalies.Duplicated,
            unexpected = Result.Anomalies.Unexpected, okFraction = Result.OkFraction, anomalies = Result.Anomalies,
            workItemsChecked = Result.WorkItemsChecked, progressEventsChecked = Result.ProgressEventsChecked,
            agentSteps = AgentSteps, agentFailedSteps = AgentFailedSteps, refusedWithRetryAfter = RefusedWithRetryAfter, statuses = Statuses,
            outboxPending = new { requests = RequestsOutboxPending, departments = DepartmentsOutboxPending },
            faults = Faults.Select(f => new { atSeconds = Math.Round(f.At.TotalSeconds, 1), f.What, tookSeconds = Math.Round(f.Took.TotalSeconds, 1) }),
            examples = Result.Examples,
        }, Json));
        File.WriteAllText(Path.ChangeExtension(file, ".txt"), ToTable());
        return file;
    }
}
