using System.Net.Http.Headers;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Identity.Tests.RealProvider;

/// <summary>
/// The real provider and the clients service as processes, the service validating against the provider through a
/// <see cref="KeySetFront"/>. The provider signs with the tests' key at first (<see cref="TestAuthority.WriteProviderKey"/>),
/// so a test can also make tokens that differ from the provider's in one part only.
/// </summary>
public abstract class ProviderAndService(IReadOnlyDictionary<string, string> identitySettings) : IAsyncLifetime
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "identity-real", Guid.NewGuid().ToString("N"));
    readonly List<ServiceProcess> processes = [];

    public ServiceProcess Identity { get; private set; } = null!;
    public ServiceProcess Clients { get; private set; } = null!;
    public KeySetFront Front { get; private set; } = null!;
    public Uri Issuer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var identityPort = FreePort.Next();
        Issuer = new Uri($"http://127.0.0.1:{identityPort}/identity/");
        TestAuthority.WriteProviderKey(Path.Combine(folder, "identity-keys"));
        var logs = Path.Combine(folder, "logs");
        var identityEnvironment = new Dictionary<string, string>(identitySettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Data__Folder"] = folder,
            ["Identity__Issuer"] = Issuer.ToString(),
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{identityPort}",
        };
        Identity = await ServiceProcess.StartAsync("identity", "services/Identity/Identity.Api", "Identity.Api",
            new Uri($"http://127.0.0.1:{identityPort}/"), identityEnvironment, logs);
        processes.Add(Identity);
        Front = await KeySetFront.StartAsync(Issuer);

        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        Clients = await ServiceProcess.StartAsync("clients", "services/Clients/Clients.Api", "Clients.Api", new Uri($"http://127.0.0.1:{http}/"),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__rabbitmq"] = await (await TestBroker.Shared).NewVirtualHostAsync("identity"),
                ["Data__Folder"] = folder,
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}",
                ["Auth__Authority"] = Issuer.ToString(),
                ["Auth__MetadataAddress"] = Front.MetadataAddress.ToString(),
                // A forced fetch (an unknown kid) at most every second, not every minute, so a test sees it at once.
                ["Auth__RefreshInterval"] = "00:00:01",
            }, logs);
        processes.Add(Clients);
    }

    /// <summary>An access token the provider issued (password grant of the Development tool client).</summary>
    public async Task<string> ProviderTokenAsync(PlatformUser user)
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        var reply = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "client-requests-dev", ["username"] = user.Id, ["password"] = "demo",
            ["scope"] = "openid profile roles client-requests",
        }));
        var body = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> CallAsync(string? token, string path = "api/clients")
    {
        using var http = new HttpClient { BaseAddress = Clients.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public async Task<string> ReadinessAsync()
    {
        using var http = new HttpClient { BaseAddress = Clients.HttpAddress };
        return await http.GetStringAsync("health/ready");
    }

    /// <summary>The kids the provider publishes now.</summary>
    public async Task<List<string>> PublishedKeysAsync()
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        var keys = JsonDocument.Parse(await http.GetStringAsync(".well-known/jwks")).RootElement.GetProperty("keys");
        return [.. keys.EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    /// <summary>A token with a kid nobody publishes: the service refuses it and fetches the key set again (at most every second).</summary>
    public string UnknownKidToken() => Tokens.Sign(DemoUsers.Grace, Issuer.ToString(),
        credentials: new Microsoft.IdentityModel.Tokens.SigningCredentials(
            new Microsoft.IdentityModel.Tokens.RsaSecurityKey(Stranger) { KeyId = $"unknown-{Guid.NewGuid():N}" }, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));

    static readonly System.Security.Cryptography.RSA Stranger = System.Security.Cryptography.RSA.Create(2048);

    public static string KeyId(string token) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

    public static async Task EventuallyAsync(string what, Func<Task<bool>> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {seconds} s: {what}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Front is not null) await Front.DisposeAsync();
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class SteadyProvider() : ProviderAndService(new Dictionary<string, string>());

/// <summary>A provider that rotates within seconds: a new key every 15 s, the one it replaced published 8 s more.</summary>
public sealed class RotatingProvider() : ProviderAndService(new Dictionary<string, string>
{
    ["Identity__Keys__RotationPeriod"] = "00:00:15",
    ["Identity__Keys__RetentionPeriod"] = "00:00:08",
    ["Identity__Keys__CheckInterval"] = "00:00:01",
});
