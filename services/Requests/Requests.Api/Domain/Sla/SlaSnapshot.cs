namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// The engine's last answer for one clock, kept on the row so that views and lists need no timeline. It changes only
/// when the clock's state or instants change, not every pass: a running clock's elapsed time is derived when it is read.
/// </summary>
public sealed class SlaSnapshot
{
    /// <summary>The state when evaluated, or <see cref="SlaStates.None"/> for a clock the policy does not have.</summary>
    public string State { get; set; } = SlaStates.None;
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? AtRiskAt { get; set; }
    public TimeSpan Target { get; set; }
    /// <summary>Business time used as of <see cref="EvaluatedAt"/>.</summary>
    public TimeSpan Elapsed { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }

    public bool IsPaused => State == SlaStates.Paused;

    /// <summary>Takes the clock's answer; true when its state or instants changed (elapsed time alone is not a change).</summary>
    public bool Update(SlaClock? clock, DateTimeOffset now)
    {
        var state = clock?.State ?? SlaStates.None;
        var changed = state != State || clock?.DueAt != DueAt || clock?.AtRiskAt != AtRiskAt || (clock?.Target ?? TimeSpan.Zero) != Target;
        if (!changed) return false;
        (State, DueAt, AtRiskAt, Target, Elapsed, EvaluatedAt) =
            (state, clock?.DueAt, clock?.AtRiskAt, clock?.Target ?? TimeSpan.Zero, clock?.Elapsed ?? TimeSpan.Zero, now);
        return true;
    }

    /// <summary>
    /// The state and business time used at <paramref name="now"/>: a running clock has gone on since it was evaluated
    /// (on <paramref name="calendar"/>), so a breach shows as soon as it happens, not at the monitor's next pass.
    /// </summary>
    public (string State, TimeSpan Elapsed) AsOf(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!SlaStates.IsRunning(State) || now <= EvaluatedAt) return (State, Elapsed);
        var elapsed = Elapsed + calendar.BusinessTime(EvaluatedAt, now);
        var state = elapsed > Target ? SlaStates.Breached : AtRiskAt is { } atRisk && atRisk <= now ? SlaStates.AtRisk : SlaStates.OnTrack;
        // A clock never moves back between evaluations: a stored breach stays one.
        return (State == SlaStates.Breached ? SlaStates.Breached : State == SlaStates.AtRisk && state == SlaStates.OnTrack ? SlaStates.AtRisk : state, elapsed);
    }
}
