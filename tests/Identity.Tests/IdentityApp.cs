using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Identity.Tests;

/// <summary>The provider in memory on a real SQLite file and key folder; two apps on one folder are a restart.</summary>
public sealed class IdentityApp(string? dataFolder = null) : WebApplicationFactory<IdentityApiMarker>
{
    public const string Issuer = "http://localhost/identity/";
    public const string ImporterId = "importer";
    public const string ImporterSecret = "importer-secret-0123456789";

    public string DataFolder { get; } = dataFolder ?? Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting($"Identity:Clients:{ImporterId}:Secret", ImporterSecret);
        builder.UseSetting($"Identity:Clients:{ImporterId}:Scopes:0", "requests.import");
        builder.UseSetting($"Identity:Clients:{ImporterId}:Roles:0", "account-manager");
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task WaitUntilReadyAsync()
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await http.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The provider did not become ready within 60 s.");
            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }
}
