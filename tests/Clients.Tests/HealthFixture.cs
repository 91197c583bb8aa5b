using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Requests;

namespace Clients.Tests;

/// <summary>
/// One client's request history, relative to a moment <c>now</c>, whose figures are computed by hand in
/// <see cref="HealthReportTests.The_figures_match_the_hand_computed_fixture"/>.
/// </summary>
static class HealthFixture
{
    /// <summary>Request n of the client: request ids are unique across clients, as the requests service makes them.</summary>
    public static Guid Request(Guid client, int n) => HealthSignal.IdFor("fixture-request", client, n);

    public static List<object> Events(Guid client, DateTimeOffset now)
    {
        DateTimeOffset Ago(double days) => now - TimeSpan.FromDays(days);
        var (R1, R2, R3, R4, R6, R7) = (Request(client, 1), Request(client, 2), Request(client, 3), Request(client, 4), Request(client, 6), Request(client, 7));
        return
        [
            Submitted(client, R1, "complaint", "normal", Ago(10)),
            Status(client, R1, "Fulfilled", Ago(10) + TimeSpan.FromHours(48)),
            Rating(client, R1, 2, Ago(8)),
            Submitted(client, R2, "need", "high", Ago(40)),
            Status(client, R2, "Fulfilled", Ago(40) + TimeSpan.FromHours(12)),
            Status(client, R2, "Reopened", Ago(35)),
            Status(client, R2, "Fulfilled", Ago(30)),
            Rating(client, R2, 5, Ago(45)),
            Submitted(client, R3, "complaint", "urgent", Ago(20)),
            Status(client, R3, "InProgress", Ago(19)),
            Breach(client, R3, "first-response", Ago(19)),
            AtRisk(client, R3, "resolution", Ago(16)),
            Breach(client, R3, "resolution", Ago(15)),
            // The monitor noticed the same breach again a day later: it is still one breach, from the first moment.
            Breach(client, R3, "resolution", Ago(14)),
            // Submitted before the 12 months read; fulfilled lately, so its submission is still found for the time to fulfil.
            Submitted(client, R4, "billing", "low", Ago(400)),
            Status(client, R4, "Fulfilled", Ago(5)),
            Submitted(client, R6, "need", "normal", Ago(55)),
            Rating(client, R6, 4, Ago(50)),
            Submitted(client, R7, "billing", "normal", Ago(150)),
        ];
    }

    static RequestSubmitted Submitted(Guid client, Guid id, string type, string priority, DateTimeOffset at) => new()
    {
        RequestId = id, ClientId = client, ClientName = "Fixture", AccountManagerId = "alice", AccountExecutiveIds = ["bob"], OpenedBy = "alice",
        Type = type, Priority = priority, Title = "Fixture", DepartmentCodes = ["support"], SubmittedAt = at,
    };

    static RequestStatusChanged Status(Guid client, Guid id, string status, DateTimeOffset at) => new()
    {
        RequestId = id, ClientId = client, AccountManagerId = "alice", Status = status, ActorId = "system", ChangedAt = at,
    };

    static SatisfactionRecorded Rating(Guid client, Guid id, int score, DateTimeOffset at) => new()
    {
        RequestId = id, ClientId = client, Type = "need", Score = score, Comment = null, RecordedBy = "alice", RecordedAt = at,
    };

    static SlaBreached Breach(Guid client, Guid id, string clock, DateTimeOffset at) => new()
    {
        RequestId = id, ClientId = client, WorkItemId = null, DepartmentCode = null, Clock = clock, Elapsed = TimeSpan.FromHours(9),
        Target = TimeSpan.FromHours(8), EscalateTo = "alice", DetectedAt = at,
    };

    static SlaAtRisk AtRisk(Guid client, Guid id, string clock, DateTimeOffset at) => new()
    {
        RequestId = id, ClientId = client, WorkItemId = null, DepartmentCode = null, Clock = clock, Elapsed = TimeSpan.FromHours(7),
        Target = TimeSpan.FromHours(8), EscalateTo = "alice", DetectedAt = at,
    };
}
