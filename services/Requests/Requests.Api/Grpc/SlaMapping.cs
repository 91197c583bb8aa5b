using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Grpc;

/// <summary>The REST views' clocks for the gateway: the same state, instants and minutes, so REST and GraphQL agree to the second.</summary>
public static class SlaMapping
{
    public static SlaEntry ToEntry(RequestSlaView sla) =>
        Entry(sla.State, sla.FirstResponseDueAt, sla.ResolutionDueAt, sla.AtRiskAt, sla.ElapsedBusinessMinutes);

    public static SlaEntry ToEntry(WorkItemSlaView sla) => Entry(sla.State, null, sla.ResolutionDueAt, sla.AtRiskAt, sla.ElapsedBusinessMinutes);

    /// <summary>
    /// The clocks of a page of list rows, read by id in one query: the list's own query stays one row per request and
    /// does not change with this.
    /// </summary>
    static SlaEntry Entry(string state, DateTimeOffset? firstResponse, DateTimeOffset? resolution, DateTimeOffset? atRisk, long minutes) => new()
    {
        State = state,
        FirstResponseDueAt = Stamp(firstResponse),
        ResolutionDueAt = Stamp(resolution),
        AtRiskAt = Stamp(atRisk),
        ElapsedBusinessMinutes = minutes,
    };

    static Timestamp? Stamp(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
