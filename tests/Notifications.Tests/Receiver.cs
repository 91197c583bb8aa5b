using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Notifications.Tests;

public sealed record ReceivedCall(int Number, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>A real HTTP receiver on Kestrel at 127.0.0.1 with a free port; the test decides how it answers each call.</summary>
public sealed class Receiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly List<ReceivedCall> calls = [];

    Receiver(WebApplication app) => this.app = app;

    /// <summary>Given the call's number (from 1), the status code to answer with, whenever it likes.</summary>
    public Func<int, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    /// <summary>When set, writes the answer's body itself (after the status code from <see cref="Answer"/>).</summary>
    public Func<HttpResponse, CancellationToken, Task>? WriteBody { get; set; }

    public string Url => $"{app.Urls.First()}/hook";

    public IReadOnlyList<ReceivedCall> Calls { get { lock (calls) return calls.ToList(); } }

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The service's appsettings.json is copied next to the tests; its Kestrel endpoints must not apply here.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new Receiver(builder.Build());
        receiver.app.MapPost("/hook", receiver.HandleAsync);
        await receiver.app.StartAsync();
        return receiver;
    }

    async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
        int number;
        lock (calls)
        {
            number = calls.Count + 1;
            calls.Add(new ReceivedCall(number, body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                DateTimeOffset.UtcNow));
        }
        var status = await Answer(number, cancellationToken);
        if (WriteBody is not { } write) return Results.StatusCode(status);
        request.HttpContext.Response.StatusCode = status;
        try { await write(request.HttpContext.Response, cancellationToken); }
        catch (Exception) when (cancellationToken.IsCancellationRequested) { }
        catch (IOException) { }
        return Results.Empty;
    }

    /// <summary>Never answers until the caller gives up (its timeout) or <paramref name="release"/> completes.</summary>
    public static Func<int, CancellationToken, Task<int>> Hang(Task release) => async (_, cancellationToken) =>
    {
        await release.WaitAsync(cancellationToken);
        return 200;
    };

    public async Task<bool> CallsEventuallyAsync(Func<IReadOnlyList<ReceivedCall>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Calls) && DateTime.UtcNow < deadline) await Task.Delay(50);
        return condition(Calls);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
