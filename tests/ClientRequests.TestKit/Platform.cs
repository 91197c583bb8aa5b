using System.Net.Http.Headers;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.TestKit;

/// <summary>
/// The whole platform as separate processes: the identity provider, the four services and the gateway, each on free
/// loopback ports, with its own SQLite files, on a fresh virtual host of the test broker. The provider is reached through
/// the gateway at <c>/identity</c> (its issuer) and signs with the tests' key, so <see cref="Tokens.For"/> works here too
/// while <see cref="ProviderTokenAsync"/> asks the provider itself.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    public static readonly (string Name, string Project, string Assembly)[] Services =
    [
        ("clients", "services/Clients/Clients.Api", "Clients.Api"),
        ("departments", "services/Departments/Departments.Api", "Departments.Api"),
        ("requests", "services/Requests/Requests.Api", "Requests.Api"),
        ("notifications", "services/Notifications/Notifications.Api", "Notifications.Api"),
    ];

    readonly List<ServiceProcess> processes = [];
    public string DataFolder { get; }
    public string AmqpUri { get; private set; } = "";
    /// <summary>The platform's virtual host, for observers and the management API's message statistics.</summary>
    public string VirtualHost => Uri.UnescapeDataString(new Uri(AmqpUri).AbsolutePath.TrimStart('/'));
    public Uri GatewayAddress { get; private set; } = null!;
    /// <summary>The embedded provider's issuer: <c>{gateway}/identity/</c>.</summary>
    public Uri IdentityIssuer => new(GatewayAddress, "identity/");
    /// <summary>Each service's gRPC (HTTP/2 only) endpoint, by service name.</summary>
    public IReadOnlyDictionary<string, Uri> GrpcAddresses { get; private set; } = new Dictionary<string, Uri>();
    public IReadOnlyDictionary<string, ServiceProcess> Processes => processes.ToDictionary(p => p.Name);

    /// <summary>Instances of each service: 1, or 2 in the production shape.</summary>
    public int InstancesPerService { get; private init; } = 1;

    /// <summary>Each service's PostgreSQL connection string in the production shape (empty on SQLite), for tests that read the databases.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; private init; } = new Dictionary<string, string>();

    Platform(string dataFolder) => DataFolder = dataFolder;

    /// <summary>
    /// The production shape: every service on PostgreSQL (the test run's server, fresh databases) and two instances of
    /// each, named <c>requests</c> and <c>requests-2</c>; service discovery gives each name both, the gateway probes them.
    /// </summary>
    /// <param name="postgres">A server the caller owns (a test that restarts it must not restart the run's shared one); the shared one when null.</param>
    public static async Task<Platform> StartProductionShapeAsync(TestBroker? broker = null, IReadOnlyDictionary<string, string>? settings = null,
        PostgresServer? postgres = null)
    {
        var server = postgres is null ? await TestPostgres.Shared : TestPostgres.On(postgres);
        var all = server.ServiceSettings(Services.Select(s => s.Name));
        all["Gateway__ReplicaHealthChecks"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var platform = new Platform(Path.Combine(Path.GetTempPath(), "clientrequests-e2e", Guid.NewGuid().ToString("N")))
        {
            InstancesPerService = 2,
            ConnectionStrings = Services.ToDictionary(s => s.Name, s => all[$"ConnectionStrings__{s.Name}"]),
        };
        try
        {
            await platform.StartProcessesAsync(broker ?? await TestBroker.Shared, all);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <param name="broker">The broker to run on; the test run's shared broker when null.</param>
    /// <param name="settings">Extra configuration for every process, as environment variables (for example a load test's rate limit).</param>
    public static async Task<Platform> StartAsync(TestBroker? broker = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var platform = new Platform(Path.Combine(Path.GetTempPath(), "clientrequests-e2e", Guid.NewGuid().ToString("N")));
        try
        {
            await platform.StartProcessesAsync(broker ?? await TestBroker.Shared, settings ?? new Dictionary<string, string>());
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    async Task StartProcessesAsync(TestBroker broker, IReadOnlyDictionary<string, string> settings)
    {
        AmqpUri = await broker.NewVirtualHostAsync("e2e");
        var ports = Services.ToDictionary(s => s.Name, _ => (Http: FreePort.Next(), Grpc: FreePort.Next()));
        // The issuer names the gateway's address, so the gateway's port is chosen first.
        GatewayAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var identityHttp = FreePort.Next();
        GrpcAddresses = ports.ToDictionary(p => p.Key, p => new Uri($"http://127.0.0.1:{p.Value.Grpc}/"));
        // Instance name → (service name, index, ports) of every instance after the first.
        var morePorts = Services.SelectMany(s => Enumerable.Range(1, InstancesPerService - 1).Select(i => (Instance: InstanceName(s.Name, i), Service: s.Name, Index: i)))
            .ToDictionary(x => x.Instance, x => (x.Service, x.Index, Http: FreePort.Next(), Grpc: FreePort.Next()));

        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__rabbitmq"] = AmqpUri,
            ["Data__Folder"] = DataFolder,
            ["Auth__Authority"] = IdentityIssuer.ToString(),
            // A rotation in a test must be seen within seconds, not within the production minute.
            ["Auth__RefreshInterval"] = "00:00:01",
            ["Identity__Issuer"] = IdentityIssuer.ToString(),
            ["services__identity__http__0"] = $"http://127.0.0.1:{identityHttp}",
            ["Messaging__Outbox__PollInterval"] = "00:00:00.500",
        };
        foreach (var (name, (http, grpc)) in ports)
        {
            shared[$"services__{name}__http__0"] = $"http://127.0.0.1:{http}";
            shared[$"services__{name}__grpc__0"] = $"http://127.0.0.1:{grpc}";
        }
        foreach (var (_, (name, index, http, grpc)) in morePorts)
        {
            shared[$"services__{name}__http__{index}"] = $"http://127.0.0.1:{http}";
            shared[$"services__{name}__grpc__{index}"] = $"http://127.0.0.1:{grpc}";
        }
        foreach (var (key, value) in settings) shared[key] = value;

        var logs = Path.Combine(DataFolder, "logs");
        TestAuthority.WriteProviderKey(Path.Combine(DataFolder, "identity-keys"));
        Tokens.UsePlatformIssuer(IdentityIssuer.ToString());
        var identityTask = StartIdentityAsync(shared, identityHttp, logs);
        // The gateway starts beside the services, not after them: the provider's endpoints are reached through it, and a
        // service that needs a token of its own before it is ready (requests rebuilding its team copy) gets it there.
        var gatewayTask = StartGatewayAsync(shared, logs);
        var servicesTask = Task.WhenAll(Services.Select(async service =>
        {
            var (http, grpc) = ports[service.Name];
            var environment = new Dictionary<string, string>(shared)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}",
            };
            var process = await ServiceProcess.StartAsync(service.Name, service.Project, service.Assembly,
                new Uri($"http://127.0.0.1:{http}/"), environment, logs);
            lock (processes) processes.Add(process);
        }));
        // Further instances once the first of each is ready: it has created, migrated and seeded the database.
        await Task.WhenAll(morePorts.Select(async instance =>
        {
            var (name, _, http, grpc) = instance.Value;
            var service = Services.Single(s => s.Name == name);
            var environment = new Dictionary<string, string>(shared)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}",
            };
            var process = await ServiceProcess.StartAsync(instance.Key, service.Project, service.Assembly,
                new Uri($"http://127.0.0.1:{http}/"), environment, logs);
            lock (processes) processes.Add(process);
        }));

        // WhenAll waits for all three even when one fails, so a failed start leaves no process behind the dispose.
        await Task.WhenAll(identityTask, gatewayTask, servicesTask);
    }

    async Task StartGatewayAsync(Dictionary<string, string> shared, string logs)
    {
        // The issuer names the gateway's port: a port taken between choosing and binding is tried again, not changed.
        for (var attempt = 1; ; attempt++)
        {
            var gatewayEnvironment = new Dictionary<string, string>(shared)
            {
                ["Kestrel__Endpoints__Http__Url"] = GatewayAddress.ToString().TrimEnd('/'),
            };
            try
            {
                var gateway = await ServiceProcess.StartAsync("gateway", "gateway/ClientRequests.Gateway", "ClientRequests.Gateway",
                    GatewayAddress, gatewayEnvironment, logs);
                lock (processes) processes.Add(gateway);
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use")) { await Task.Delay(1000); }
        }
    }

    /// <summary>"requests" for the first instance, "requests-2" for the second.</summary>
    public static string InstanceName(string service, int index) => index == 0 ? service : $"{service}-{index + 1}";

    async Task StartIdentityAsync(Dictionary<string, string> shared, int http, string logs)
    {
        var environment = new Dictionary<string, string>(shared) { ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}" };
        // Settings that move the services to another database name theirs only; without its own the provider stays on SQLite.
        if (!environment.ContainsKey("ConnectionStrings__identity")) environment.Remove("Database__Provider");
        var process = await ServiceProcess.StartAsync("identity", "services/Identity/Identity.Api", "Identity.Api",
            new Uri($"http://127.0.0.1:{http}/"), environment, logs);
        lock (processes) processes.Add(process);
    }

    readonly Dictionary<string, (string Token, DateTime Fetched)> providerTokens = [];

    /// <summary>An access token the embedded provider issued for a demo user (through the gateway's <c>POST /dev/token/{user}</c>), kept for reuse.</summary>
    public async Task<string> ProviderTokenAsync(PlatformUser user)
    {
        lock (providerTokens)
            // The provider's access tokens live 15 minutes: a kept one is used for 10.
            if (providerTokens.TryGetValue(user.Id, out var kept) && DateTime.UtcNow - kept.Fetched < TimeSpan.FromMinutes(10)) return kept.Token;
        using var http = GatewayClient();
        using var reply = await http.PostAsync($"dev/token/{Uri.EscapeDataString(user.Id)}", null);
        var body = await reply.Content.ReadAsStringAsync();
        if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"No provider token for {user.Id}: {(int)reply.StatusCode} {body}");
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
        lock (providerTokens) providerTokens[user.Id] = (token, DateTime.UtcNow);
        return token;
    }

    /// <summary>An HttpClient on the gateway, signed in as <paramref name="user"/>.</summary>
    public HttpClient GatewayClient(PlatformUser? user = null)
    {
        var http = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(user));
        return http;
    }

    /// <summary>
    /// A token this platform's provider would issue for <paramref name="user"/>: signed as its issuer, whatever other
    /// platform the test process has started since (each names its own gateway port).
    /// </summary>
    public string TokenFor(PlatformUser user) => Tokens.Sign(user, IdentityIssuer.ToString());

    /// <summary>The last lines each process logged, for a failing test's message.</summary>
    public string Logs() => string.Join("\n\n", processes.Select(p => $"== {p.Name} ==\n{p.Tail(25)}"));

    public async ValueTask DisposeAsync()
    {
        if (GatewayAddress is not null && Tokens.Issuer == IdentityIssuer.ToString()) Tokens.UsePlatformIssuer(null);
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        if (Environment.GetEnvironmentVariable("CLIENTREQUESTS_KEEP_TEST_DATA") != "1")
        {
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
