using System.Net;
using System.Net.Http.Headers;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Data;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Tests.Api;

/// <summary>
/// The requests service in memory on a fresh virtual host of the real broker and a real SQLite file; only the
/// clients and departments services' gRPC clients are replaced by in-memory fakes.
/// </summary>
public sealed class RequestsApp(string amqpUri, IReadOnlyDictionary<string, string?> settings)
    : ServiceApp<RequestsApiMarker, RequestsDbContext>(amqpUri, settings)
{
    public FakeClientDirectory Directory { get; } = new();

    public static async Task<RequestsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = await TestBroker.Shared;
        var app = new RequestsApp(await broker.NewVirtualHostAsync("requests"), settings ?? new Dictionary<string, string?>());
        await app.WaitUntilReadyAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ClientDirectory.ClientDirectoryClient>(Directory);
            services.AddSingleton<DepartmentRouting.DepartmentRoutingClient>(new FakeDepartmentRouting());
        });
    }
}

/// <summary>One service per test class; tests keep apart by opening requests of their own.</summary>
public sealed class RequestsAppFixture : IAsyncLifetime
{
    public RequestsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await RequestsApp.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
