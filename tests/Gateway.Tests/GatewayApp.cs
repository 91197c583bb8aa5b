using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.GraphQL.Transport;
using ClientRequests.Notifications.Grpc;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests;

/// <summary>
/// The real gateway in memory, its services replaced by <see cref="FakeDirectories"/> (gRPC) and a
/// <see cref="FakeBackend"/> (REST, proxied routes), with settings a test may override.
/// </summary>
public sealed class GatewayApp(FakeDirectories directories, FakeBackend backend, IReadOnlyDictionary<string, string>? settings = null,
    string environment = "Development") : WebApplicationFactory<GatewayMarker>
{
    public FakeDirectories Directories => directories;
    public FakeBackend Backend => backend;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Auth:Authority", TestAuthority.Issuer.ToString());
        foreach (var service in new[] { "clients", "requests", "departments", "notifications" })
            builder.UseSetting($"Services:{service}:http:0", backend.Address);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            foreach (var client in new[] { nameof(ClientDirectory.ClientDirectoryClient), nameof(RequestDirectory.RequestDirectoryClient),
                         nameof(DepartmentDirectory.DepartmentDirectoryClient), nameof(NotificationInbox.NotificationInboxClient) })
                services.Configure<GrpcClientFactoryOptions>(client,
                    o => o.InterceptorRegistrations.Add(new InterceptorRegistration(InterceptorScope.Channel, _ => directories)));
        });
    }

    public static async Task<GatewayApp> StartAsync(FakeDirectories? directories = null,
        IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        var app = new GatewayApp(directories ?? FakeDirectories.With(clients: 3, requests: 5), await FakeBackend.StartAsync(), settings, environment);
        _ = app.Server;
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await backend.DisposeAsync();
    }

    public HttpClient ClientFor(PlatformUser? user)
    {
        var http = CreateClient();
        if (user is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return http;
    }
}

public static class GraphQLCalls
{
    /// <summary>Posts as a conforming GraphQL-over-HTTP client does: <c>Accept: application/graphql-response+json</c>.</summary>
    public static Task<HttpResponseMessage> PostQueryAsync(this HttpClient http, string query, object? variables = null) =>
        http.PostQueryAsync(ResponseMediaType.GraphQLResponse, query, variables);

    /// <summary>Posts with the given <c>Accept</c> header, or none when it is null.</summary>
    public static Task<HttpResponseMessage> PostQueryAsync(this HttpClient http, string? accept, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
