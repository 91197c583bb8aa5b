using System.Net.Http.Headers;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clients.Tests;

/// <summary>
/// The clients service in memory, on its own SQLite file and its own virtual host of the test broker.
/// One per test class (xunit class fixture), so tests in a class share the demo data and must not depend on order.
/// </summary>
public sealed class ClientsApp : WebApplicationFactory<ClientsApiMarker>, IAsyncLifetime
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"clients-tests-{Guid.NewGuid():N}");
    string rabbitMq = "";

    public async ValueTask InitializeAsync()
    {
        var broker = await TestBroker.Shared;
        rabbitMq = await broker.NewVirtualHostAsync("clients");
        // Ready means migrated, seeded and connected to the broker, so the first test does not race the start.
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The clients service did not become ready within 60 s.");
            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Auth:Authority", TestAuthority.Issuer.ToString());
    }

    /// <summary>The virtual host the service publishes to, for tests that listen or publish beside it.</summary>
    public string RabbitMqUri => rabbitMq;

    public HttpClient ClientFor(PlatformUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    public DirectoryClient DirectoryFor(PlatformUser? user) => DirectoryWith(user is null ? null : Tokens.For(user));

    /// <summary>A directory caller with any token (a machine client's, say).</summary>
    public DirectoryClient DirectoryWith(string? token)
    {
        var handler = new BearerHandler(token) { InnerHandler = Server.CreateHandler() };
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = null });
        return new DirectoryClient(channel.CreateCallInvoker());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(dataFolder, recursive: true); }
        catch (IOException) { } // SQLite's pool may still hold the file for a moment; the temp folder is cleaned by the OS.
    }
}

sealed class BearerHandler(string? token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
