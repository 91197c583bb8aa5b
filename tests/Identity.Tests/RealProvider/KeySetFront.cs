using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.Tests.RealProvider;

/// <summary>
/// Stands between a service and the real provider's discovery document and key set, passing them through unchanged
/// (only the key set's address points back here) until a test makes it answer 503 or garbage.
/// </summary>
public sealed class KeySetFront : IAsyncDisposable
{
    public enum Behaviour { PassThrough, Down, Garbage }

    readonly WebApplication app;
    readonly HttpClient provider = new();

    public Behaviour Mode { get; set; } = Behaviour.PassThrough;
    public Uri Address { get; }
    public Uri MetadataAddress => new(Address, ".well-known/openid-configuration");

    KeySetFront(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public static async Task<KeySetFront> StartAsync(Uri issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only this port: a service's appsettings.json copied next to the tests (Kestrel:Endpoints) must not bind here.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        KeySetFront? front = null;
        app.MapGet("/.well-known/openid-configuration", async () =>
        {
            if (front!.Refusal() is { } refused) return refused;
            var document = JsonNode.Parse(await front.provider.GetStringAsync(new Uri(issuer, ".well-known/openid-configuration")))!;
            document["jwks_uri"] = new Uri(front.Address, ".well-known/jwks").ToString();
            return Results.Content(document.ToJsonString(), "application/json");
        });
        app.MapGet("/.well-known/jwks", async () => front!.Refusal()
            ?? Results.Content(await front.provider.GetStringAsync(new Uri(issuer, ".well-known/jwks")), "application/json"));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        front = new KeySetFront(app, new Uri(bound.TrimEnd('/') + "/"));
        return front;
    }

    IResult? Refusal() => Mode switch
    {
        Behaviour.Down => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        Behaviour.Garbage => Results.Content("<html>{\"keys\": oops</html>", "application/json"),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        provider.Dispose();
        await app.DisposeAsync();
    }
}
