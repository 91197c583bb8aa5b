using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>Database:Provider=PostgreSql: every service migrates and serves on a real server; bad settings refuse to start.</summary>
public sealed class PostgreSqlProviderTests
{
    [Fact]
    public async Task Every_service_migrates_seeds_and_serves_a_request_on_postgresql()
    {
        var postgres = await TestPostgres.Shared;
        await using var platform = await Platform.StartAsync(settings: postgres.ServiceSettings(Platform.Services.Select(s => s.Name)));
        using var alice = platform.GatewayClient(DemoUsers.Alice);

        var response = await alice.PostAsJsonAsync("api/requests", new
        {
            clientId = DemoClients.Acme,
            type = "billing",
            priority = "P2",
            title = "Stored in PostgreSQL",
            description = "Every service of this platform runs on PostgreSQL.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync() + platform.Logs());
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Routed: requests → departments (gRPC and the broker) → requests; then the account manager's notification.
        await Eventually.GetAsync(async () =>
        {
            var request = await alice.GetFromJsonAsync<JsonElement>($"api/requests/{requestId}");
            return request.GetProperty("status").GetString() == "Routed" ? request.GetRawText() : null;
        }, platform.Logs);
        await Eventually.GetAsync(async () =>
        {
            var inbox = await alice.GetStringAsync("api/notifications");
            return inbox.Contains(requestId.ToString()) ? inbox : null;
        }, platform.Logs);
    }

    [Fact]
    public async Task An_unknown_provider_refuses_to_start_with_one_readable_line()
    {
        var (exitCode, error) = await RunClientsAsync(new() { ["Database__Provider"] = "Oracle" });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Clients.Api refuses to start: Database:Provider 'Oracle' is not supported: use Sqlite, SqlServer or PostgreSql.", line);
    }

    [Fact]
    public async Task Wrong_database_credentials_refuse_to_start_with_one_readable_line()
    {
        var postgres = await TestPostgres.Shared;
        var (exitCode, error) = await RunClientsAsync(new()
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__clients"] = postgres.Server.ConnectionString(TestPostgres.NewDatabaseName("clients"), password: "not-the-password"),
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("refuses to start"));
        Assert.StartsWith("Clients.Api refuses to start: database ", line);
        Assert.Contains("password authentication failed for user \"postgres\"", line);
    }

    /// <summary>Runs the clients service as a process with only its standard error kept, and waits for it to end.</summary>
    static async Task<(int ExitCode, string Error)> RunClientsAsync(Dictionary<string, string> settings)
    {
        var dll = Path.Combine(Repository.Root, "services/Clients/Clients.Api", "bin", Repository.Configuration, "net10.0", "Clients.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/";
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The service did not refuse to start within 90 s:\n{await output}");
        }
        await output;
        return (process.ExitCode, (await error).Trim());
    }
}
