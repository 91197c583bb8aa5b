using System.Net;
using System.Net.Http.Headers;
using ClientRequests.Departments.Data;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Departments.Benchmarks;

/// <summary>The departments service in memory over a real SQLite file and a real broker, as the API tests run it.</summary>
sealed class BenchApp(string amqpUri) : WebApplicationFactory<DepartmentsApiMarker>
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"departments-bench-{Guid.NewGuid():N}");

    public static async Task<BenchApp> StartAsync()
    {
        // Outside a test project WebApplicationFactory cannot find the service's folder: name it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DEPARTMENTS_API",
            Path.Combine(Repository.Root, "services", "Departments", "Departments.Api"));
        var broker = await TestBroker.Shared;
        var app = new BenchApp(await broker.NewVirtualHostAsync("bench"));
        using var client = app.CreateClient();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK) await Task.Delay(200);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:rabbitmq", amqpUri);
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Auth:Authority", TestAuthority.Issuer.ToString());
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public HttpClient ClientFor(PlatformUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<DepartmentsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DepartmentsDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
    }
}
