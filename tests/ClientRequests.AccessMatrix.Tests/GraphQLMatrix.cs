namespace ClientRequests.AccessMatrix.Tests;

/// <summary>What a GraphQL cell expects of its root field.</summary>
public enum Gql
{
    /// <summary>The field resolves (a non-empty list where it is a list); no access error.</summary>
    Allowed,
    /// <summary>The field is null or empty, with at most a NOT_FOUND or FORBIDDEN error; nothing of the target in the body.</summary>
    Denied,
}

/// <summary>One expectation per role: manager, executive, agent, lead, analyst, admin.</summary>
public sealed record GqlByRole(Gql Manager, Gql Executive, Gql Agent, Gql Lead, Gql Analyst, Gql Admin)
{
    public Gql this[Role role] => role switch
    {
        Role.Manager => Manager, Role.Executive => Executive, Role.Agent => Agent, Role.Lead => Lead, Role.Analyst => Analyst, Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>One root field of the schema (query, mutation or subscription) and what each role gets on each scope.</summary>
public sealed record GqlRow(string Operation, string Field, string Query, Func<Cell, object> Variables, GqlByRole Own, GqlByRole? Foreign = null)
{
    public string? Note { get; init; }
    public override string ToString() => $"{Operation} {Field}" + (Note is null ? "" : $" ({Note})");
}

/// <summary>
/// The GraphQL matrix. The gateway only requires a signed-in caller and passes the token on (ADR 0007), so each row
/// expects what the service behind the field decides. The request selection reaches every nested field of Request.
/// </summary>
public static class GraphQLMatrix
{
    const Gql A = Gql.Allowed, D = Gql.Denied;
    static readonly GqlByRole Everyone = new(A, A, A, A, A, A);

    public const string RequestSelection = """
        id clientId clientName type priority title status submittedAt externalReference satisfactionScore
        sla { state resolutionDueAt atRisk breached }
        client { id name tier status accountTeam { accountManagerId accountExecutiveIds } health { score band } }
        workItems { id departmentCode departmentName status round }
        timeline { id at kind actorId workItemId departmentCode status text visibility }
        """;

    public static readonly IReadOnlyList<GqlRow> Rows =
    [
        new("query", "request", $"query($id: ID!) {{ request(id: $id) {{ {RequestSelection} }} }}", c => new { id = c.T.RequestId },
            Everyone, new(D, D, D, D, A, A)),
        new("query", "requests", """
            query($client: ID) { requests(filter: { clientId: $client }, first: 100) { nodes { id title clientName client { name } } pageInfo { hasNextPage endCursor } } }
            """, c => new { client = c.T.ClientId }, Everyone, new(D, D, A, A, A, A))
        {
            Note = "another team's client is NOT_FOUND; staff get their departments' share of it",
        },
        new("query", "requests", """
            { requests(first: 100) { nodes { id title clientName client { name } } } }
            """, _ => new { }, Everyone) { Note = "unfiltered: each sees only what is theirs" },
        new("query", "clients", """
            query($ids: [ID!]!) { clients(ids: $ids) { id name tier status accountTeam { accountManagerId accountExecutiveIds } health { score band } } }
            """, c => new { ids = new[] { c.T.ClientId } }, new(A, A, D, D, A, A), new(D, D, D, D, A, A)),
        new("query", "departments", "{ departments { code name mode leadId members { userId name skills capacity } } }", _ => new { }, Everyone),
        new("query", "queue", "query($code: String!) { queue(code: $code) { items { id requestId clientId type priority title status claimedBy queuedAt } nextCursor } }",
            c => new { code = c.T.Department }, new(D, D, A, A, D, A), new(D, D, D, D, D, A)),
        new("query", "me", """
            { me { id name roles departments unreadNotifications
                   work(first: 50, includeClosed: true) { nodes { id title status departmentCode request { id title } } pageInfo { hasNextPage } }
                   notifications(first: 50) { nodes { id kind title body read request { id title } } pageInfo { hasNextPage } } } }
            """, _ => new { }, Everyone)
        {
            Note = "work and notifications are the token's user's own: no argument names a user",
        },
        new("mutation", "markNotificationsRead", """
            mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { marked unreadNotifications } }
            """, c => c.Scope == Scope.Own ? new { ids = (string[]?)null, all = true } : new { ids = (string[]?)[c.Seeds.ForeignNotificationId.ToString()], all = false },
            Everyone, new(D, D, D, D, D, D))
        {
            Note = "own: all of the caller's inbox; foreign: Mallory's notification is NOT_FOUND to everyone, admins included",
        },
        new("mutation", "openRequest", $"mutation($input: OpenRequestInput!) {{ openRequest(input: $input) {{ {RequestSelection} }} }}",
            c => new { input = new { clientId = c.T.ClientId, type = "billing", priority = "P4", title = "Matrix via GraphQL", description = "By the matrix.", departments = new[] { c.T.Department } } },
            new(A, A, D, D, D, A), new(D, D, D, D, D, A)),
        new("mutation", "addComment", "mutation($id: ID!) { addComment(requestId: $id, text: \"Matrix comment\") { id title } }",
            c => new { id = c.T.RequestId }, new(A, A, A, A, D, A), new(D, D, D, D, D, A)),
        new("mutation", "editRequest", "mutation($id: ID!) { editRequest(id: $id, input: { version: 0, title: \"Matrix edit\" }) { id title } }",
            c => new { id = c.T.LifecycleRequestId }, new(A, A, D, D, D, A), new(D, D, D, D, D, A))
        {
            Note = "a CONFLICT (a stale version) counts as let in",
        },
        new("query", "slaPolicy", "{ slaPolicy { version changedBy atRiskFraction targets { type priority resolution } departments { code } } }", _ => new { }, Everyone),
        new("mutation", "updateSlaPolicy", """
            mutation { updateSlaPolicy(input: { version: 0, atRiskFraction: 0.8, calendar: { timeZone: "UTC", days: ["Monday"], open: "09:00", close: "17:00" },
              targets: [{ type: "*", priority: "P1", resolution: "08:00:00" }, { type: "*", priority: "P2", resolution: "08:00:00" },
                        { type: "*", priority: "P3", resolution: "08:00:00" }, { type: "*", priority: "P4", resolution: "08:00:00" }],
              ola: [{ priority: "P1", resolution: "08:00:00" }, { priority: "P2", resolution: "08:00:00" },
                    { priority: "P3", resolution: "08:00:00" }, { priority: "P4", resolution: "08:00:00" }] }) { version } }
            """, _ => new { }, new(D, D, D, D, D, A))
        {
            Note = "a valid policy on version 0 is a CONFLICT (the seed is version 1), which counts as let in: the platform's policy is not changed",
        },
        new("mutation", "changeRequestStatus", "mutation($id: ID!) { changeRequestStatus(id: $id, action: RESUME) { id title status } }",
            c => new { id = c.T.LifecycleRequestId }, new(A, A, D, D, D, A), new(D, D, D, D, D, A))
        {
            Note = "a CONFLICT (the request is not waiting) counts as let in",
        },
        new("query", "dashboard", """
            { dashboard(days: 30) { days from asOf backlog { departmentCode departmentName open byStatus { status count } }
              slaByDepartment { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
              slaByClient { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
              cycleTime { fulfilled p50Hours p90Hours p99Hours sampled } requestsOverTime { day type count } requestsOverTimeTruncated
              clientHealth { id name health { score band } } } }
            """, _ => new { }, Everyone)
        {
            Note = "aggregates only what the caller may see: no other team's client or request in it (ADR 0021)",
        },
        new("query", "client", """
            query($id: ID!) { client(id: $id) { id name tier status
              health { score band reasons { code text points } requests complaints complaintShare medianHoursToFulfil slaBreaches
                       satisfactionRatings averageSatisfaction satisfactionTrend requestsByMonth { month type count } }
              accountTeam { accountManagerId manager { id name } executives { id name } }
              contacts { id name role email phone }
              openRequestCount openRequests { id title status sla { state resolutionDueAt } }
              recentEvents { requestId requestTitle event { at kind actorId text } }
              satisfaction { month ratings average } } }
            """, c => new { id = c.T.ClientId }, new(A, A, D, D, A, A), new(D, D, D, D, A, A))
        {
            Note = "the client 360 (ADR 0035); department staff get null, as for request.client (ADR 0030)",
        },
        new("query", "myClients", "{ myClients(first: 100) { nodes { id name tier accountTeam { accountManagerId } } pageInfo { hasNextPage endCursor } } }",
            _ => new { }, new(A, A, D, D, A, A))
        {
            Note = "the caller's book; department staff do not read clients (as GET /api/clients)",
        },
        new("query", "suggestDepartments", """{ suggestDepartments(type: "billing", priority: "P2") { departments { code name managed } matchedRule } }""",
            _ => new { }, Everyone),
        new("query", "department", "query($code: String!) { department(code: $code) { code name mode } }", c => new { code = c.T.Department },
            Everyone, Everyone) { Note = "department codes and names are public" },
        new("query", "departmentLoad", "query($code: String!) { departmentLoad(code: $code) { userId name capacity load } }",
            c => new { code = c.T.Department }, new(D, D, A, A, D, A), new(D, D, D, D, D, A)),
        QueueStep("claimWorkItem", ""),
        QueueStep("unclaimWorkItem", ""),
        QueueStep("startWorkItem", ""),
        QueueStep("completeWorkItem", ", resolutionNote: \"By the matrix.\""),
        QueueStep("rejectWorkItem", ", reason: \"By the matrix.\""),
        QueueStep("handOverWorkItem", ", toDepartmentCode: \"support\""),
        new("mutation", "recordSatisfaction", "mutation($id: ID!) { recordSatisfaction(requestId: $id, score: 4) { id title } }",
            c => new { id = c.T.LifecycleRequestId }, new(A, A, D, D, D, A), new(D, D, D, D, D, A))
        {
            Note = "a CONFLICT (the request is not fulfilled) counts as let in",
        },
        new("subscription", "departmentQueueChanged", "subscription($code: String!) { departmentQueueChanged(code: $code) { kind departmentCode requestId } }",
            c => new { code = c.T.Department }, new(D, D, A, A, D, A), new(D, D, D, D, D, A))
        {
            Note = "a stream that opens without an error let the caller in",
        },
        new("subscription", "requestUpdated", $"subscription($id: ID!) {{ requestUpdated(id: $id) {{ {RequestSelection} }} }}",
            c => new { id = c.T.RequestId }, Everyone, new(D, D, D, D, A, A)),
    ];

    /// <summary>A queue step on the scope's seeded work item: its department's staff and admins (as the REST steps).</summary>
    static GqlRow QueueStep(string field, string arguments) =>
        new("mutation", field, $"mutation($code: String!, $id: ID!) {{ {field}(departmentCode: $code, workItemId: $id{arguments}) {{ id status claimedBy }} }}",
            c => new { code = c.T.Department, id = c.T.WorkItemId }, new(D, D, A, A, D, A), new(D, D, D, D, D, A))
        {
            Note = "a CONFLICT or the domain's own refusal (not the holder) counts as let in",
        };
}
