using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

[assembly: AssemblyFixture(typeof(ClientRequests.AccessMatrix.Tests.MatrixFixture))]
// The rows change shared state (claims, cancels); they run one after another, in the order the table lists them.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
[assembly: TestCaseOrderer(typeof(ClientRequests.AccessMatrix.Tests.TableOrder))]

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// The five real processes on the test broker, and a seeded world with two account teams (Alice's Acme, Mallory's Initech)
/// and two departments (billing, legal): a request and a work item on each side, a webhook, routing rules, notifications.
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public static readonly Guid Acme = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Initech = Guid.Parse("33333333-3333-3333-3333-333333333333");
    public static readonly Guid AcmeContact = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid InitechContact = Guid.Parse("33333333-0000-0000-0000-000000000001");

    public Platform Platform { get; private set; } = null!;
    public Seeds Seeds { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public Tally Tally { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Platform = await StartPlatformAsync();
        Gateway = new HttpClient { BaseAddress = Platform.GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            foreach (var role in Callers.Roles) Callers.ProviderTokens[role] = await Platform.ProviderTokenAsync(Callers.User(role));
            Seeds = await SeedAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Seeding failed: {e.Message}\n{Platform.Logs()}", e);
        }
    }

    /// <summary>On a machine crowded with builds a process can miss its readiness deadline: a few more tries before giving up.</summary>
    static async Task<Platform> StartPlatformAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Platform.StartAsync(settings: Settings);
            }
            catch (TimeoutException) when (attempt < 5) { await Task.Delay(TimeSpan.FromSeconds(5)); }
        }
    }

    static readonly Dictionary<string, string> Settings = new()
    {
        // Thousands of calls from one address and a few users: the matrix is not a load test.
        ["Gateway__RateLimit__PermitLimit"] = "1000000",
        // The rows reuse the tokens fetched at start: they must outlive the run.
        ["Identity__AccessTokenLifetime"] = "02:00:00",
        // The webhook points at a closed local port, so its deliveries stay pending and can be asked for.
        ["Notifications__Webhooks__AllowPrivateAddresses"] = "true",
        // A notification stream sends its headers with its first event; a quick heartbeat lets a cell read its status soon.
        ["Notifications__Stream__HeartbeatInterval"] = "00:00:01",
    };

    public async ValueTask DisposeAsync()
    {
        var figures = Tally.ToString();
        Console.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "access-matrix-figures.txt"), figures);
        // Null when the platform did not start: the fixture's own failure is the one to report.
        Gateway?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
    }

    /// <summary>As <paramref name="user"/>, with an access token the embedded provider issued (the matrix runs on real tokens).</summary>
    public async Task<Reply> AsAsync(PlatformUser user, HttpMethod method, string path, object? body = null) =>
        await Http.SendAsync(Gateway, method, path, await Platform.ProviderTokenAsync(user), body);

    async Task<JsonElement> OkAsync(PlatformUser user, HttpMethod method, string path, object? body = null)
    {
        var reply = await AsAsync(user, method, path, body);
        if (reply.Status is < 200 or > 299) throw new InvalidOperationException($"{method} {path} as {user.Id}: {reply.Status} {reply.Body}");
        return reply.Body.Length == 0 ? default : reply.Json;
    }

    async Task<Seeds> SeedAsync()
    {
        var grace = DemoUsers.Grace;
        var webhook = await OkAsync(grace, HttpMethod.Post, "/api/notifications/webhooks",
            new { eventType = "request-submitted", url = "http://127.0.0.1:9/matrix-hook", secret = "whsec_bWF0cml4LWtleS0wMTIzNDU2Nzg5YWJjZGVmLTAxMjM=" });
        var webhookId = webhook.GetProperty("id").GetGuid();

        var marker = Guid.NewGuid().ToString("N")[..8];
        var ownTitle = $"MATRIX-OWN-{marker}";
        var lifeTitle = $"MATRIX-SUPPORT-ONLY-{marker}";
        var foreignTitle = $"MATRIX-FOREIGN-{marker}";
        var own = await OpenAsync(DemoUsers.Alice, Acme, ownTitle, "billing");
        var life = await OpenAsync(DemoUsers.Alice, Acme, lifeTitle, "support");
        var foreign = await OpenAsync(DemoUsers.Mallory, Initech, foreignTitle, "legal");

        var ownItem = await QueuedItemAsync(DemoUsers.Carol, "billing", own);
        var foreignItem = await QueuedItemAsync(DemoUsers.Erin, "legal", foreign);
        var foreignNotification = await EventuallyAsync("a notification in Mallory's inbox", async () =>
        {
            var page = await OkAsync(DemoUsers.Mallory, HttpMethod.Get, "/api/notifications");
            return page.GetProperty("items").EnumerateArray().Select(n => (Guid?)n.GetProperty("id").GetGuid()).FirstOrDefault();
        });
        var delivery = await EventuallyAsync("a webhook delivery", async () =>
        {
            var page = await OkAsync(grace, HttpMethod.Get, $"/api/notifications/webhooks/{webhookId}/deliveries");
            return page.GetProperty("items").EnumerateArray().Select(n => (Guid?)n.GetProperty("id").GetGuid()).FirstOrDefault();
        });

        var rule = await NewRuleAsync(marker + "a", 9001);
        var ruleToDelete = await NewRuleAsync(marker + "b", 9002);
        var spare = $"mx-{marker}";
        await OkAsync(grace, HttpMethod.Post, "/api/departments", new { code = spare, name = "Matrix spare", mode = "external" });
        var ownExecutive = $"mx-exec-own-{marker}";
        var foreignExecutive = $"mx-exec-foreign-{marker}";
        await OkAsync(grace, HttpMethod.Put, $"/api/clients/account-executives/{ownExecutive}", new { managerId = "alice" });
        await OkAsync(grace, HttpMethod.Put, $"/api/clients/account-executives/{foreignExecutive}", new { managerId = "mallory" });

        return new Seeds(
            Own: new Targets(Acme, "Acme Corporation", AcmeContact, "alice", own, life, "billing", ownItem, ownExecutive),
            Foreign: new Targets(Initech, "Initech", InitechContact, "mallory", foreign, foreign, "legal", foreignItem, foreignExecutive),
            ForeignNotificationId: foreignNotification, RuleId: rule, RuleToDeleteId: ruleToDelete, SpareDepartment: spare,
            WebhookId: webhookId, DeliveryId: delivery,
            ForeignMarkers: [Initech.ToString(), "Initech", "Bill Lumbergh", "bill@initech.example", foreign.ToString(), foreignTitle,
                foreignItem.ToString(), foreignNotification.ToString()],
            OtherDepartmentMarkers: [life.ToString(), lifeTitle]);
    }

    async Task<Guid> OpenAsync(PlatformUser user, Guid client, string title, string department)
    {
        var created = await OkAsync(user, HttpMethod.Post, "/api/requests", new
        {
            clientId = client, type = "billing", priority = "P3", title, description = "Seeded for the access matrix.", departments = new[] { department },
        });
        return created.GetProperty("id").GetGuid();
    }

    Task<Guid> QueuedItemAsync(PlatformUser agent, string department, Guid requestId) =>
        EventuallyAsync($"the work item of {requestId} in {department}", async () =>
        {
            var page = await OkAsync(agent, HttpMethod.Get, $"/api/departments/{department}/queue?limit=200");
            return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("requestId").GetGuid() == requestId)
                .Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
        });

    async Task<int> NewRuleAsync(string type, int order)
    {
        var rule = await OkAsync(DemoUsers.Grace, HttpMethod.Post, "/api/departments/routing-rules",
            new { name = $"Matrix {type}", order, requestType = $"mx-{type}", targetDepartments = new[] { "support" } });
        return rule.GetProperty("id").GetInt32();
    }

    static async Task<T> EventuallyAsync<T>(string what, Func<Task<T?>> probe) where T : struct
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Waited 60 s for {what}.");
    }
}

/// <summary>The figures of one run: cells checked and cells that did not hold.</summary>
public sealed class Tally
{
    int cells, mismatches, skipped;
    readonly Dictionary<string, int> byKind = [];

    public void Count(string kind, bool held)
    {
        lock (byKind)
        {
            cells++;
            if (!held) mismatches++;
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
        }
    }

    public void Skip() => Interlocked.Increment(ref skipped);

    public override string ToString()
    {
        lock (byKind)
            return $"Access matrix: {cells} cells checked, {mismatches} did not hold, {skipped} not applicable ("
                + string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")) + ")";
    }
}
