using ClientRequests.Contracts.Requests;

namespace ClientRequests.Clients.Domain;

/// <summary>
/// Turns the requests service's events into signals: pure, so a consumer and a replay make identical rows.
/// Each signal's id names the event by its content (see docs/decisions/0012-client-health.md).
/// </summary>
public static class HealthProjection
{
    public static HealthSignal From(RequestSubmitted e) => Weighed(new HealthSignal
    {
        // The request id itself, as before: a request is submitted once, whatever the message id.
        Id = e.RequestId, ClientId = e.ClientId, RequestId = e.RequestId, Kind = HealthKinds.Submitted,
        Detail = e.Type.ToLowerInvariant(), Priority = e.Priority.ToLowerInvariant(), Weight = 0, OccurredAt = e.SubmittedAt,
    });

    /// <summary>Only a change to Fulfilled bears on health (time to fulfil); every other status yields nothing.</summary>
    public static HealthSignal? From(RequestStatusChanged e) =>
        !string.Equals(e.Status, "Fulfilled", StringComparison.OrdinalIgnoreCase) ? null : new HealthSignal
        {
            // A reopened request may be fulfilled again later: each fulfilment is its own signal, keyed by its time.
            Id = HealthSignal.IdFor(HealthKinds.Fulfilled, e.RequestId, e.ChangedAt), ClientId = e.ClientId, RequestId = e.RequestId,
            Kind = HealthKinds.Fulfilled, Weight = 0, OccurredAt = e.ChangedAt,
        };

    /// <summary>A request is rated once (ADR 0010), so the request id names the rating.</summary>
    public static HealthSignal From(SatisfactionRecorded e) => Weighed(new HealthSignal
    {
        Id = HealthSignal.IdFor(HealthKinds.Satisfaction, e.RequestId), ClientId = e.ClientId, RequestId = e.RequestId,
        Kind = HealthKinds.Satisfaction, Detail = e.Type.ToLowerInvariant(), Value = e.Score, Weight = 0, OccurredAt = e.RecordedAt,
    });

    /// <summary>
    /// One breach per clock: the monitor may notice the same breach again (another replica, a restart) at another
    /// moment, so the detection time is not part of the key.
    /// </summary>
    public static HealthSignal From(SlaBreached e) => Weighed(Clock(HealthKinds.SlaBreached, e.RequestId, e.ClientId, e.WorkItemId, e.Clock, e.DetectedAt));

    public static HealthSignal From(SlaAtRisk e) => Clock(HealthKinds.SlaAtRisk, e.RequestId, e.ClientId, e.WorkItemId, e.Clock, e.DetectedAt);

    static HealthSignal Clock(string kind, Guid requestId, Guid clientId, Guid? workItemId, string clock, DateTimeOffset at) => Weighed(new()
    {
        Id = HealthSignal.IdFor(kind, requestId, workItemId, clock), ClientId = clientId, RequestId = requestId,
        Kind = kind, Detail = clock, Weight = 0, OccurredAt = at,
    });

    /// <summary>
    /// Signals from events in the order given, copies merged by <see cref="Keep"/>: what the consumers store,
    /// computed in memory, for a replay or a test.
    /// </summary>
    public static IReadOnlyList<HealthSignal> Replay(IEnumerable<object> events)
    {
        var signals = new Dictionary<Guid, HealthSignal>();
        foreach (var e in events)
        {
            var signal = e switch
            {
                RequestSubmitted m => From(m), RequestStatusChanged m => From(m), SatisfactionRecorded m => From(m),
                SlaBreached m => From(m), SlaAtRisk m => From(m),
                _ => throw new ArgumentException($"{e.GetType().Name} does not bear on client health.", nameof(events)),
            };
            if (signal is not null && (!signals.TryGetValue(signal.Id, out var kept) || Keep(kept, signal) == signal)) signals[signal.Id] = signal;
        }
        return signals.Values.ToList();
    }

    /// <summary>
    /// Of two signals with one id, the one to keep: the earlier, so the result does not depend on which copy arrived
    /// first (a breach noticed twice happened when first noticed); on a tie, the one stored already.
    /// </summary>
    public static HealthSignal Keep(HealthSignal stored, HealthSignal incoming) => incoming.OccurredAt < stored.OccurredAt ? incoming : stored;

    static HealthSignal Weighed(HealthSignal signal)
    {
        signal.Weight = HealthWeights.Of(signal);
        return signal;
    }
}
