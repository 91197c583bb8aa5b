using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// A request's clocks as of the answer: <c>state</c> is on-track, at-risk, breached, paused, met or missed; the instants are
/// where the targets run out (null while paused before reaching them); business minutes are on the account teams' calendar.
/// </summary>
public sealed record RequestSlaView(string State, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt, DateTimeOffset? AtRiskAt,
    long ElapsedBusinessMinutes)
{
    public static RequestSlaView From(ClientRequest r, RequestClocks clocks, DateTimeOffset now) =>
        Of(r.FirstResponseSla, r.ResolutionSla, clocks, now);

    public static RequestSlaView Of(SlaSnapshot firstResponseSla, SlaSnapshot resolutionSla, RequestClocks clocks, DateTimeOffset now)
    {
        var (resolution, elapsed) = clocks.AsOf(resolutionSla, null, now);
        var firstResponse = firstResponseSla.State == SlaStates.None ? null : clocks.AsOf(firstResponseSla, null, now).State;
        return new(SlaStates.Combine(resolution, firstResponse), firstResponseSla.DueAt, resolutionSla.DueAt, resolutionSla.AtRiskAt,
            (long)elapsed.TotalMinutes);
    }
}
