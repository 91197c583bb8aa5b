using static ClientRequests.AccessMatrix.Tests.Expect;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// The REST matrix: every endpoint of the four services, as reached through the gateway. Roles in each ByRole are
/// manager, executive, agent, lead, analyst, admin. ADRs 0004 (clients), 0005 (404 for another team's data),
/// 0010 and 0011 (requests, department queues) and the notifications ADR 0006 are the source of each expectation.
/// </summary>
public static class RestMatrix
{
    static readonly Expect A = Allowed, F = Forbidden, N = NotFound;

    // Who reads clients (account teams, analysts, admins) and who acts for them (account teams, admins).
    static readonly ByRole ClientReadOwn = new(A, A, F, F, A, A);
    static readonly ByRole ClientReadForeign = new(N, N, F, F, A, A);
    static readonly ByRole ClientActOwn = new(A, A, F, F, F, A);
    static readonly ByRole ClientActForeign = new(N, N, F, F, F, A);
    // Requests: the account team and admins act; department staff read through their work items; analysts read all.
    static readonly ByRole RequestReadOwn = new(A, A, A, A, A, A);
    static readonly ByRole RequestReadForeign = new(N, N, N, N, A, A);
    static readonly ByRole RequestActOwn = new(A, A, F, F, F, A);
    static readonly ByRole RequestActForeign = new(N, N, F, F, F, A);
    // Department work: its staff and admins; another department's queue is 403 (department codes are public).
    static readonly ByRole StaffOwn = new(F, F, A, A, F, A);
    static readonly ByRole StaffForeign = new(F, F, F, F, F, A);
    static readonly ByRole LeadOwn = new(F, F, F, A, F, A);

    static string Client(Cell c) => $"/api/clients/{c.T.ClientId}";
    static string Request(Cell c) => $"/api/requests/{c.T.RequestId}";
    static string Life(Cell c) => $"/api/requests/{c.T.LifecycleRequestId}";
    static string Item(Cell c) => $"/api/departments/{c.T.Department}/queue/{c.T.WorkItemId}";

    public static readonly IReadOnlyList<RestRow> Rows =
    [
        // ---- clients ----
        new("GET /api/clients", _ => "/api/clients", ClientReadOwn),
        new("GET /api/clients/{id:guid}", Client, ClientReadOwn, ClientReadForeign),
        new("POST /api/clients", _ => "/api/clients", ClientActOwn, new(F, F, F, F, F, A))
        {
            Body = c => new { name = $"Matrix client {Guid.NewGuid():N}", industry = "Testing", accountManagerId = c.T.ManagerId },
            Note = "a manager naming another manager's book is 403 (ADR 0004)",
        },
        new("PUT /api/clients/{id:guid}", Client, new(A, A, F, F, F, A), new(N, N, F, F, F, A))
        {
            Prepare = async (f, c) => new Dictionary<string, string> { ["version"] = (await f.AsAsync(Callers.User(Role.Admin), HttpMethod.Get, Client(c))).Json.GetProperty("version").GetInt32().ToString() },
            Body = c => new { name = c.T.ClientName, industry = c.Scope == Scope.Own ? "Manufacturing" : "Software", version = int.Parse(c["version"]) },
            Note = "an analyst sees the client but may not change it: 403",
        },
        new("GET /api/clients/{clientId:guid}/contacts", c => $"{Client(c)}/contacts", ClientReadOwn, ClientReadForeign),
        new("POST /api/clients/{clientId:guid}/contacts", c => $"{Client(c)}/contacts", ClientActOwn, ClientActForeign)
        {
            Body = _ => new { name = "Matrix Contact", email = "matrix@example.com" },
        },
        new("PUT /api/clients/{clientId:guid}/contacts/{contactId:guid}", c => $"{Client(c)}/contacts/{c.T.ContactId}", ClientActOwn, ClientActForeign)
        {
            Body = c => c.Scope == Scope.Own
                ? new { name = "Wile E. Coyote", role = "Head of Procurement", email = "wile@acme.example", phone = (string?)"+1 555 0100" }
                : new { name = "Bill Lumbergh", role = "Division VP", email = "bill@initech.example", phone = (string?)null },
        },
        new("DELETE /api/clients/{clientId:guid}/contacts/{contactId:guid}", c => $"{Client(c)}/contacts/{c["contact"]}", ClientActOwn, ClientActForeign)
        {
            Prepare = async (f, c) => new Dictionary<string, string>
            {
                ["contact"] = (await f.AsAsync(Callers.User(Role.Admin), HttpMethod.Post, $"{Client(c)}/contacts", new { name = "Matrix Spare" })).Json.GetProperty("id").GetString()!,
            },
        },
        new("GET /api/clients/{id:guid}/team", c => $"{Client(c)}/team", ClientReadOwn, ClientReadForeign),
        new("PUT /api/clients/{id:guid}/account-manager", c => $"{Client(c)}/account-manager", new(A, F, F, F, F, A), new(N, N, F, F, F, A))
        {
            Body = c => new { accountManagerId = c.T.ManagerId },
            Note = "handing a client over is the manager's or an admin's call; an executive sees it but may not",
        },
        new("PUT /api/clients/account-executives/{executiveId}", c => $"/api/clients/account-executives/{c.T.Executive}", new(A, F, F, F, F, A), new(F, F, F, F, F, A))
        {
            Body = c => new { managerId = c.T.ManagerId },
            Note = "keeping one's own executive is a no-op; taking another manager's is an admin's call (403)",
        },
        new("DELETE /api/clients/account-executives/{executiveId}", c => $"/api/clients/account-executives/{c["executive"]}", new(A, F, F, F, F, A), new(N, N, F, F, F, A))
        {
            Prepare = async (f, c) =>
            {
                var executive = $"mx-release-{Guid.NewGuid():N}"[..24];
                await f.AsAsync(Callers.User(Role.Admin), HttpMethod.Put, $"/api/clients/account-executives/{executive}", new { managerId = c.T.ManagerId });
                return new Dictionary<string, string> { ["executive"] = executive };
            },
            Note = "another team's executive is not revealed (404)",
        },
        new("GET /api/clients/{id:guid}/health", c => $"{Client(c)}/health", ClientReadOwn, ClientReadForeign),
        new("POST /api/clients/health/rebuild", _ => "/api/clients/health/rebuild", ByRole.AdminOnly),

        // ---- requests ----
        new("POST /api/requests", _ => "/api/requests", RequestActOwn, RequestActForeign)
        {
            Body = c => new { clientId = c.T.ClientId, type = "billing", priority = "P4", title = "Matrix opened", description = "By the access matrix.", departments = new[] { c.T.Department } },
        },
        new("GET /api/requests", _ => "/api/requests?limit=200", ByRole.Everyone) { Note = "each sees only what is theirs: the body is checked" },
        new("GET /api/requests", c => $"/api/requests?clientId={c.T.ClientId}&limit=200", RequestReadOwn, new(N, N, A, A, A, A))
        {
            Note = "filtered by client: another team's client is 404; staff get their departments' share of it (none)",
        },
        new("GET /api/requests/{id:guid}", Request, RequestReadOwn, RequestReadForeign),
        new("GET /api/requests/{id:guid}/timeline", c => $"{Request(c)}/timeline", RequestReadOwn, RequestReadForeign),
        new("POST /api/requests/{id:guid}/comments", c => $"{Request(c)}/comments", new(A, A, A, A, F, A), new(N, N, N, N, F, A))
        {
            Body = _ => new { text = "Matrix comment", visibility = "internal" },
            Note = "an analyst reads every request but writes on none: 403, not 404",
        },
        new("PATCH /api/requests/{id:guid}", Life, RequestActOwn, RequestActForeign)
        {
            Body = _ => new { version = 0, title = "Matrix edit" },
            Note = "the team gets past the access rules (an edit, or a 409 naming the current version); another team's request is 404",
        },
        new("GET /api/sla/policy", _ => "/api/sla/policy", ByRole.Everyone),
        new("GET /api/sla/policy/versions", _ => "/api/sla/policy/versions", ByRole.Everyone),
        new("GET /api/sla/policy/versions/{version:int}", _ => "/api/sla/policy/versions/1", ByRole.Everyone),
        new("PUT /api/sla/policy", _ => "/api/sla/policy", ByRole.AdminOnly)
        {
            Body = _ => new { version = 0 },
            Note = "the admin's incomplete policy is a 400 naming its fields: the platform's policy is not changed",
        },
        new("POST /api/requests/{id:guid}/wait-on-client", c => $"{Life(c)}/wait-on-client", RequestActOwn, RequestActForeign) { Body = _ => new { reason = "Matrix" } },
        new("POST /api/requests/{id:guid}/resume", c => $"{Life(c)}/resume", RequestActOwn, RequestActForeign),
        new("POST /api/requests/{id:guid}/satisfaction", c => $"{Life(c)}/satisfaction", RequestActOwn, RequestActForeign) { Body = _ => new { score = 4 } },
        new("POST /api/requests/{id:guid}/cancel", c => $"{Life(c)}/cancel", RequestActOwn, RequestActForeign) { Body = _ => new { reason = "Matrix" } },
        new("POST /api/requests/{id:guid}/reopen", c => $"{Life(c)}/reopen", RequestActOwn, RequestActForeign) { Body = _ => new { reason = "Matrix" } },
        new("POST /api/requests/import", _ => "/api/requests/import", RequestActOwn,
            new(OkSaying("not-found"), OkSaying("not-found"), F, F, F, A))
        {
            ContentType = Http.NdJson,
            Body = c => $$"""{"clientId":"{{c.T.ClientId}}","type":"billing","priority":"P4","title":"Matrix import","description":"Imported.","externalReference":"mx-{{Guid.NewGuid():N}}","departments":["{{c.T.Department}}"]}""",
            Note = "an import reports another team's client per line as not-found and opens nothing",
        },

        // ---- departments ----
        new("GET /api/departments", _ => "/api/departments", ByRole.Everyone),
        new("GET /api/departments/{code}", c => $"/api/departments/{c.T.Department}", ByRole.Everyone, ByRole.Everyone),
        new("GET /api/departments/{code}/load", c => $"/api/departments/{c.T.Department}/load", StaffOwn, StaffForeign),
        new("POST /api/departments", _ => "/api/departments", ByRole.AdminOnly)
        {
            Body = _ => new { code = $"mx-{Guid.NewGuid():N}"[..20], name = "Matrix created", mode = "external" },
        },
        new("PUT /api/departments/{code}", c => $"/api/departments/{c.Seeds.SpareDepartment}", ByRole.AdminOnly)
        {
            Body = c => new { code = c.Seeds.SpareDepartment, name = "Matrix spare", mode = "external" },
        },
        new("DELETE /api/departments/{code}", c => $"/api/departments/{c.T.Department}", ByRole.AdminOnly, ByRole.AdminOnly)
        {
            Note = "the admin's call is refused as a conflict (rules target the department), so nothing is deleted",
        },
        new("PUT /api/departments/{code}/members/{userId}", c => $"/api/departments/{c.T.Department}/members/mx-member", ByRole.AdminOnly, ByRole.AdminOnly)
        {
            Body = _ => new { name = "Matrix Member", skills = new[] { "matrix" }, capacity = 1 },
        },
        new("DELETE /api/departments/{code}/members/{userId}", c => $"/api/departments/{c.T.Department}/members/mx-member", ByRole.AdminOnly, ByRole.AdminOnly),
        new("GET /api/departments/routing-rules", _ => "/api/departments/routing-rules", ByRole.Everyone),
        new("GET /api/departments/routing-rules/{id:int}", c => $"/api/departments/routing-rules/{c.Seeds.RuleId}", ByRole.Everyone),
        new("POST /api/departments/routing-rules", _ => "/api/departments/routing-rules", ByRole.AdminOnly)
        {
            Body = _ => new { name = "Matrix rule", order = Random.Shared.Next(10_000, 1_000_000), requestType = $"mx-{Guid.NewGuid():N}", targetDepartments = new[] { "support" } },
        },
        new("PUT /api/departments/routing-rules/{id:int}", c => $"/api/departments/routing-rules/{c.Seeds.RuleId}", ByRole.AdminOnly)
        {
            Body = c => new { name = "Matrix rule", order = 9001, requestType = "mx-matrix-put", targetDepartments = new[] { "support" } },
        },
        new("DELETE /api/departments/routing-rules/{id:int}", c => $"/api/departments/routing-rules/{c.Seeds.RuleToDeleteId}", ByRole.AdminOnly),
        new("GET /api/departments/{code}/queue", c => $"/api/departments/{c.T.Department}/queue", StaffOwn, StaffForeign),
        new("GET /api/departments/{code}/queue/{id:guid}", Item, StaffOwn, StaffForeign),
        new("GET /api/departments/{code}/queue/{id:guid}", c => $"/api/departments/{c.Seeds.Own.Department}/queue/{c.T.WorkItemId}", StaffOwn,
            new(F, F, N, N, F, N)) { Note = "another department's item asked for under one's own department: 404" },
        new("POST /api/departments/{code}/queue/{id:guid}/claim", c => $"{Item(c)}/claim", StaffOwn, StaffForeign),
        new("POST /api/departments/{code}/queue/{id:guid}/start", c => $"{Item(c)}/start", StaffOwn, StaffForeign),
        new("POST /api/departments/{code}/queue/{id:guid}/unclaim", c => $"{Item(c)}/unclaim", StaffOwn, StaffForeign),
        new("POST /api/departments/{code}/queue/{id:guid}/reassign", c => $"{Item(c)}/reassign", LeadOwn, StaffForeign)
        {
            Body = _ => new { userId = "carol" },
        },
        new("POST /api/departments/{code}/queue/{id:guid}/complete", c => $"{Item(c)}/complete", StaffOwn, StaffForeign) { Body = _ => new { resolutionNote = "Matrix" } },
        new("POST /api/departments/{code}/queue/{id:guid}/reject", c => $"{Item(c)}/reject", StaffOwn, StaffForeign) { Body = _ => new { reason = "Matrix" } },
        new("POST /api/departments/{code}/queue/{id:guid}/hand-over", c => $"{Item(c)}/hand-over", StaffOwn, StaffForeign)
        {
            Body = _ => new { toDepartmentCode = "support" },
        },

        // ---- notifications ----
        new("GET /api/notifications", _ => "/api/notifications?limit=200", ByRole.Everyone),
        new("GET /api/notifications/unread-count", _ => "/api/notifications/unread-count", ByRole.Everyone),
        new("POST /api/notifications/{id:guid}/read", c => $"/api/notifications/{c["notification"]}/read", ByRole.Everyone, new(N, N, N, N, N, N))
        {
            Prepare = async (f, c) =>
            {
                if (c.Scope == Scope.Foreign) return new Dictionary<string, string> { ["notification"] = c.Seeds.ForeignNotificationId.ToString() };
                var inbox = await Http.SendAsync(f.Gateway, HttpMethod.Get, "/api/notifications?limit=1", Callers.Token(c.Role));
                var first = inbox.Json.GetProperty("items").EnumerateArray().FirstOrDefault();
                return first.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null
                    : new Dictionary<string, string> { ["notification"] = first.GetProperty("id").GetString()! };
            },
            Note = "own: the caller's own latest notification, where they have one; foreign: Mallory's, which nobody else reads, admins included",
        },
        new("POST /api/notifications/read-all", _ => "/api/notifications/read-all", ByRole.Everyone),
        new("GET /api/notifications/stream", _ => "/api/notifications/stream", ByRole.Everyone) { Streams = true },
        new("GET /api/notifications/preferences", _ => "/api/notifications/preferences", ByRole.Everyone),
        new("PUT /api/notifications/preferences", _ => "/api/notifications/preferences", ByRole.Everyone)
        {
            Body = _ => new { inApp = true, email = false, emailAddress = (string?)null },
        },
        new("POST /api/notifications/watch/{requestId:guid}", c => $"/api/notifications/watch/{c.T.RequestId}", RequestReadOwn, RequestReadForeign),
        new("DELETE /api/notifications/watch/{requestId:guid}", c => $"/api/notifications/watch/{c.T.RequestId}", ByRole.Everyone, ByRole.Everyone)
        {
            Note = "removing one's own watch reveals nothing: 204 whatever the request",
        },
        new("POST /api/notifications/webhooks", _ => "/api/notifications/webhooks", ByRole.AdminOnly)
        {
            Body = _ => new { eventType = "request-submitted", url = "http://127.0.0.1:9/matrix-hook-2", secret = "whsec_bWF0cml4LWtleS0wMTIzNDU2Nzg5YWJjZGVmLTAxMjM=" },
        },
        new("GET /api/notifications/webhooks", _ => "/api/notifications/webhooks", ByRole.AdminOnly),
        new("GET /api/notifications/webhooks/{id:guid}/deliveries", c => $"/api/notifications/webhooks/{c.Seeds.WebhookId}/deliveries", ByRole.AdminOnly),
        new("POST /api/notifications/webhooks/{id:guid}/deliveries/{deliveryId:guid}/replay",
            c => $"/api/notifications/webhooks/{c.Seeds.WebhookId}/deliveries/{c.Seeds.DeliveryId}/replay", ByRole.AdminOnly),
        new("POST /api/notifications/webhooks/{id:guid}/resume", c => $"/api/notifications/webhooks/{c.Seeds.WebhookId}/resume", ByRole.AdminOnly),
        new("POST /api/notifications/webhooks/{id:guid}/secret", c => $"/api/notifications/webhooks/{c.Seeds.WebhookId}/secret", ByRole.AdminOnly)
        {
            Body = _ => new { secret = "whsec_bWF0cml4LWtleS0wMTIzNDU2Nzg5YWJjZGVmLTAxMjM=", graceHours = 1 },
        },
        new("POST /api/notifications/webhooks/{id:guid}/deliveries/replay",
            c => $"/api/notifications/webhooks/{c.Seeds.WebhookId}/deliveries/replay", ByRole.AdminOnly)
        {
            Body = _ => new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow },
        },
        new("DELETE /api/notifications/webhooks/{id:guid}", c => $"/api/notifications/webhooks/{c["webhook"]}", ByRole.AdminOnly)
        {
            // Each cell deletes a subscription of its own, so the seeded one stays for the rows above.
            Prepare = async (f, _) => new Dictionary<string, string>
            {
                ["webhook"] = (await f.AsAsync(Callers.User(Role.Admin), HttpMethod.Post, "/api/notifications/webhooks",
                    new { eventType = "request-submitted", url = "http://127.0.0.1:9/matrix-hook-3", secret = "whsec_bWF0cml4LWtleS0wMTIzNDU2Nzg5YWJjZGVmLTAxMjM=" }))
                    .Json.GetProperty("id").GetString()!,
            },
        },
    ];
}
