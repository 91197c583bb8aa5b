namespace ClientRequests.Requests.Domain.Sla;

/// <summary>Targets in business time. A clock is at risk from <see cref="AtRiskFraction"/> of its target on, breached past it.</summary>
public sealed record SlaPolicy(TimeSpan? FirstResponse, TimeSpan Resolution, double AtRiskFraction = SlaPolicy.DefaultAtRiskFraction)
{
    public const double DefaultAtRiskFraction = 0.8;
}

public enum SlaVerdict { OnTrack, AtRisk, Breached, Met }

/// <summary>One clock's state: business time used, its target, and whether it has stopped (the thing it measures happened).</summary>
public sealed record SlaClock(string Name, TimeSpan Elapsed, TimeSpan Target, bool Stopped, bool Paused, SlaVerdict Verdict)
{
    /// <summary>When the target is (or was) reached: null while paused before reaching it, since the clock may never run again.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>When the at-risk share of the target is (or was) reached; null like <see cref="DueAt"/>.</summary>
    public DateTimeOffset? AtRiskAt { get; init; }

    /// <summary>The state shown to people: on-track, at-risk, breached, paused, met or missed.</summary>
    public string State => SlaStates.Of(Verdict, Stopped, Paused);

    public static SlaClock Of(string name, TimeSpan elapsed, TimeSpan target, bool stopped, bool paused, double atRiskFraction) =>
        new(name, elapsed, target, stopped, paused,
            elapsed > target ? SlaVerdict.Breached
            : stopped ? SlaVerdict.Met
            : elapsed >= target * atRiskFraction ? SlaVerdict.AtRisk
            : SlaVerdict.OnTrack);
}

/// <summary>A department's working calendar and its OLA: how much business time it has for its part of a request.</summary>
public sealed record DepartmentTarget(BusinessCalendar Calendar, TimeSpan Resolution);

/// <summary>The request's clocks and each work item's (OLA) resolution clock, as of one instant.</summary>
public sealed record SlaReport(SlaClock? FirstResponse, SlaClock Resolution, IReadOnlyDictionary<Guid, SlaClock> WorkItems)
{
    public IEnumerable<SlaClock> RequestClocks => FirstResponse is null ? [Resolution] : [FirstResponse, Resolution];
    public bool AtRisk => RequestClocks.Any(c => c.Verdict == SlaVerdict.AtRisk);
    public bool Breached => RequestClocks.Any(c => c.Verdict == SlaVerdict.Breached);
}
