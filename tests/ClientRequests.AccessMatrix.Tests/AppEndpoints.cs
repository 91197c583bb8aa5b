using ClientRequests.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>One route an app maps, as "METHOD /pattern"; gRPC methods and proxied routes are marked.</summary>
public sealed record MappedEndpoint(string Key, bool IsGrpc, bool IsProxy);

/// <summary>Loads an app in memory only to read the endpoints it maps: the list the matrix must cover comes from the app itself.</summary>
public sealed class AppEndpoints<TMarker>(IReadOnlyDictionary<string, string> settings, string environment) : WebApplicationFactory<TMarker>
    where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public static async Task<List<MappedEndpoint>> ListAsync(string environment = "Development")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"matrix-endpoints-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>
        {
            ["Auth:Authority"] = TestAuthority.Issuer.ToString(),
            ["Data:Folder"] = folder,
            ["ConnectionStrings:rabbitmq"] = await (await TestBroker.Shared).NewVirtualHostAsync("endpoints"),
        };
        await using var app = new AppEndpoints<TMarker>(settings, environment);
        try
        {
            return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => new MappedEndpoint(
                    $"{method} {Normalise(e.RoutePattern.RawText ?? "")}",
                    e.Metadata.Any(m => m.GetType().Name == "GrpcMethodMetadata"),
                    e.Metadata.Any(m => m.GetType().FullName == "Yarp.ReverseProxy.Model.RouteModel"))))
                .Distinct().ToList();
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>"/api/clients/" (a group's "/") and "api/clients" both become "/api/clients".</summary>
    public static string Normalise(string pattern)
    {
        var path = "/" + pattern.Trim('/');
        return path;
    }
}
