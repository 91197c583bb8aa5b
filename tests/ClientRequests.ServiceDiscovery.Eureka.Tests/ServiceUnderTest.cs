using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

/// <summary>A host wired like a platform service (discovery core + Eureka), with fast intervals for tests.</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private ServiceUnderTest(IHost host, InMemoryLogs logs) => (Host, Logs) = (host, logs);

    public IHost Host { get; }
    public InMemoryLogs Logs { get; }
    public ServiceEndpointResolver Resolver => Host.Services.GetRequiredService<ServiceEndpointResolver>();

    public static ServiceUnderTest Create(string serviceUrl, Dictionary<string, string?>? extra = null, bool fullDiscovery = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eureka:Client:ServiceUrl"] = serviceUrl,
            ["Eureka:Client:RegistryFetchIntervalSeconds"] = "0.1",
            ["Eureka:Client:RequestTimeoutSeconds"] = "1",
            ["Eureka:Instance:AppName"] = "clients",
            ["Eureka:Instance:HostName"] = "clients-0",
            ["Eureka:Instance:IpAddress"] = "10.0.0.7",
            ["Eureka:Instance:LeaseRenewalIntervalInSeconds"] = "0.1",
            ["Kestrel:Endpoints:Http:Url"] = "http://+:5080",
            ["Kestrel:Endpoints:Grpc:Url"] = "http://+:5081",
        });
        builder.Configuration.AddInMemoryCollection(extra ?? []);
        var logs = new InMemoryLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        if (fullDiscovery)
        {
            builder.Services.AddServiceDiscovery();
        }
        else
        {
            builder.Services.AddServiceDiscoveryCore();
        }

        builder.AddEurekaServiceDiscovery();
        return new ServiceUnderTest(builder.Build(), logs);
    }

    public async Task<string[]> ResolveAsync(string name)
    {
        var source = await Resolver.GetEndpointsAsync(name, TestContext.Current.CancellationToken);
        return source.Endpoints.Select(e => e.EndPoint.ToString()!).Order().ToArray();
    }

    public ValueTask DisposeAsync() => new(DisposeCoreAsync());

    private async Task DisposeCoreAsync()
    {
        try { await Host.StopAsync(TimeSpan.FromSeconds(5)); } catch (ObjectDisposedException) { }
        Host.Dispose();
    }
}

public sealed class InMemoryLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public bool Any(LogLevel level, string contains) =>
        Entries.Any(e => e.Level == level && e.Message.Contains(contains, StringComparison.OrdinalIgnoreCase));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(InMemoryLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}

public static class Eventually
{
    /// <summary>Polls until the condition holds; intervals are 100 ms so 10 s is a generous bound.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Timed out after {seconds} s waiting for: {what}");
    }

    public static Task TrueAsync(Func<bool> condition, string what, double seconds = 10) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
