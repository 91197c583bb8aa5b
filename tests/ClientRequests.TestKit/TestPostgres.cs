namespace ClientRequests.TestKit;

/// <summary>
/// The PostgreSQL server a test run shares. The test command starts one and passes it in
/// <c>CLIENTREQUESTS_POSTGRES_PORT</c> / <c>CLIENTREQUESTS_POSTGRES_PASSWORD</c>; without them (a single project run
/// from an IDE) the first test starts a private server for this process. Each test gets databases of its own.
/// </summary>
public sealed class TestPostgres
{
    static readonly Lazy<Task<TestPostgres>> shared = new(CreateAsync);

    TestPostgres(PostgresServer server) => Server = server;

    public static Task<TestPostgres> Shared => shared.Value;

    /// <summary>Databases on a server the caller started and owns (one a test restarts); disposing it stays the caller's job.</summary>
    public static TestPostgres On(PostgresServer server) => new(server);

    public PostgresServer Server { get; }

    /// <summary>A connection string for a database no other test uses (created by EF when the service migrates).</summary>
    public string NewDatabase(string prefix = "test") => Server.ConnectionString(NewDatabaseName(prefix));

    /// <summary>
    /// Configuration, as environment variables, that puts each named service on PostgreSQL with a fresh database
    /// (replicas of one service given the same settings share their database, as in production).
    /// </summary>
    public Dictionary<string, string> ServiceSettings(IEnumerable<string> services)
    {
        var settings = new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql" };
        foreach (var service in services) settings[$"ConnectionStrings__{service}"] = NewDatabase(service);
        return settings;
    }

    /// <summary>PostgreSQL folds unquoted names to lower case and keeps 63 bytes of them.</summary>
    public static string NewDatabaseName(string prefix) => $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];

    static async Task<TestPostgres> CreateAsync()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("CLIENTREQUESTS_POSTGRES_PORT"), out var port))
            return new TestPostgres(PostgresServer.Existing(port, Environment.GetEnvironmentVariable("CLIENTREQUESTS_POSTGRES_PASSWORD") ?? "postgres"));

        var server = await PostgresServer.StartAsync("shared");
        // A throwaway server: killed at exit, so the test host is not held past its shutdown window.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.KillAsync().GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        };
        return new TestPostgres(server);
    }
}
