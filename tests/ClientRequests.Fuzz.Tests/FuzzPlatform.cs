using ClientRequests.TestKit;

[assembly: AssemblyFixture(typeof(ClientRequests.Fuzz.Tests.FuzzPlatform))]

namespace ClientRequests.Fuzz.Tests;

/// <summary>One platform shared by every fuzzer: they run one after another, so each stays bounded and its failures readable.</summary>
[CollectionDefinition(Name)]
public sealed class OnePlatform
{
    public const string Name = "one platform";
}

/// <summary>The five real processes on a private broker, started once for every fuzzer in the assembly.</summary>
public sealed class FuzzPlatform : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public TestBroker Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Broker = await TestBroker.Shared;
        // The fuzzer is one caller sending thousands of requests: the per-caller limit would answer most of them with 429.
        Platform = await Platform.StartAsync(Broker, new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PermitLimit"] = "10000000",
            ["Messaging__RetryLimit"] = "1",
        });
    }

    public Uri HttpAddress(string service) => Platform.Processes[service].HttpAddress;

    /// <summary>Each process still answers /health/ready with 200 and has not exited.</summary>
    public async Task AssertHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var process in Platform.Processes.Values)
        {
            Assert.False(process.HasExited, $"{process.Name} exited:\n{process.Tail()}");
            var ready = await http.GetAsync(new Uri(process.HttpAddress, "health/ready"));
            Assert.True(ready.IsSuccessStatusCode, $"{process.Name} /health/ready answered {(int)ready.StatusCode}:\n{process.Tail()}");
        }
    }

    /// <summary>The processes' last log lines for a failure's message; a log that cannot be read must not hide the failure.</summary>
    public string Logs()
    {
        try { return Platform.Logs(); }
        catch (IOException e) { return $"(logs unavailable: {e.Message})"; }
    }

    public async ValueTask DisposeAsync() => await Platform.DisposeAsync();
}
