using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.TestKit;

/// <summary>
/// An OpenID Connect authority for the tests' in-process hosts: a discovery document and a key set served over real
/// HTTP on a loopback port of the test process, publishing the public half of <see cref="Key"/>. The services validate
/// the test tokens through the same discovery + JWKS path as in production; nothing in them knows about tests.
/// When this assembly loads, <c>Auth__Authority</c> is set in the test process's environment, so every host the
/// tests build (WebApplicationFactory or a process started without its own setting) trusts this authority.
/// </summary>
public static class TestAuthority
{
    public const string KeyId = "clientrequests-test-key";

    /// <summary>The tests' RSA key, made once per test process; the real provider of a <see cref="Platform"/> signs with it too.</summary>
    public static RSA Key { get; } = RSA.Create(2048);

    public static RsaSecurityKey SecurityKey { get; } = new(Key) { KeyId = KeyId };

    static readonly Lazy<Uri> address = new(Start);

    /// <summary>The issuer, with a trailing slash: <c>http://127.0.0.1:{port}/</c>.</summary>
    public static Uri Issuer => address.Value;

    /// <summary>Number of times the key set was fetched, for tests of caching and refresh.</summary>
    public static int KeySetFetches => keySetFetches;
    static int keySetFetches;

#pragma warning disable CA2255 // The environment must name the authority before any test builds a host.
    [ModuleInitializer]
    internal static void SetEnvironment() => Environment.SetEnvironmentVariable("Auth__Authority", Issuer.ToString());
#pragma warning restore CA2255

    static Uri Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only this port: a service's appsettings.json copied next to the tests (Kestrel:Endpoints) must not bind here.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        string Base(HttpContext http) => $"http://{http.Request.Host}/";
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Base(http),
            ["jwks_uri"] = Base(http) + ".well-known/jwks",
            ["token_endpoint"] = Base(http) + "connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () =>
        {
            Interlocked.Increment(ref keySetFetches);
            return Results.Json(new { keys = new[] { PublicJwk() } });
        });
        // Client credentials for a service calling another on its own behalf (ServiceToken): any client, the scope it asks for.
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
                return Results.Json(new Dictionary<string, string> { ["error"] = "unsupported_grant_type" }, statusCode: 400);
            var now = DateTime.UtcNow;
            var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Base(http), Audience = Tokens.Audience, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(15),
                Claims = new Dictionary<string, object> { ["sub"] = form["client_id"].ToString(), ["scope"] = form["scope"].ToString() },
                SigningCredentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 900 });
        });
        app.StartAsync().GetAwaiter().GetResult();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(bound.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
    }

    static Dictionary<string, string> PublicJwk()
    {
        var parameters = Key.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>The key as the embedded provider keeps it (PKCS#8 PEM named after its kid), for a platform whose provider signs with it.</summary>
    public static void WriteProviderKey(string keyFolder)
    {
        Directory.CreateDirectory(keyFolder);
        File.WriteAllText(Path.Combine(keyFolder, KeyId + ".pem"), Key.ExportPkcs8PrivateKeyPem());
    }
}
