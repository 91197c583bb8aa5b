namespace ClientRequests.AccessMatrix.Tests;

/// <summary>Endpoints outside the REST matrix, each with the reason it is where it is.</summary>
public static class OtherEndpoints
{
    /// <summary>Open to anyone on purpose: orchestrator probes and the API description carry no data (every service).</summary>
    public static readonly IReadOnlyList<string> AnonymousOnEveryService = ["* /health/live", "* /health/ready", "GET /openapi/{documentName}.json"];

    /// <summary>
    /// The gateway's own endpoints: health (anonymous), GraphQL (its own matrix), development tokens (Development only,
    /// ADR 0005), and the web console's static files (anonymous: the page holds no data, it calls GraphQL with a token; ADR 0020).
    /// </summary>
    public static readonly IReadOnlyList<string> Gateway =
        ["* /health/live", "* /health/ready", "GET /graphql", "POST /graphql", "GET /dev/users", "POST /dev/token/{userId}",
         "GET /", "GET /console", "GET /console/config.json", "GET /console/{**file}"];

    /// <summary>
    /// Proxied anonymously on purpose: the embedded identity provider (ADR 0026) is where callers get their tokens, so
    /// it authenticates its callers itself (sign-in page, client secrets, PKCE); no platform data is behind it.
    /// </summary>
    public static readonly IReadOnlyList<string> AnonymousProxies = ["/identity"];

    /// <summary>
    /// The services' gRPC methods: internal (the gateway does not proxy them), reached by roles only through GraphQL and
    /// the requests service. The matrix checks that the gateway does not expose them and that each refuses every bad token.
    /// </summary>
    public static readonly IReadOnlyList<(string Service, string Endpoint)> Grpc =
    [
        ("clients", "POST /clientrequests.clients.v1.ClientDirectory/GetClients"),
        ("clients", "POST /clientrequests.clients.v1.ClientDirectory/CheckAccess"),
        // Admin (service) tokens only: the requests service rebuilds its team projection from it (ADR 0029).
        ("clients", "POST /clientrequests.clients.v1.ClientDirectory/ListAccountTeams"),
        // The client 360 (ADR 0035): contacts of the clients the caller may read; team members' names.
        ("clients", "POST /clientrequests.clients.v1.ClientDirectory/GetContacts"),
        ("clients", "POST /clientrequests.clients.v1.ClientDirectory/GetPeople"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentRouting/Resolve"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/ListDepartments"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/GetQueue"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/GetLoad"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/GetQueues"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/GetLoads"),
        ("departments", "POST /clientrequests.departments.v1.DepartmentDirectory/GetAssignedWork"),
        ("notifications", "POST /clientrequests.notifications.v1.NotificationInbox/GetInbox"),
        ("notifications", "POST /clientrequests.notifications.v1.NotificationInbox/MarkRead"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/GetRequests"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/ListRequests"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/GetTimeline"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/GetTimelines"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/GetDashboard"),
        ("requests", "POST /clientrequests.requests.v1.RequestDirectory/GetClientActivity"),
    ];
}
