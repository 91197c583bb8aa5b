using System.Diagnostics;

namespace ClientRequests.TestKit;

/// <summary>One of the platform's processes, run from its build output as it runs in production.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StreamWriter log;

    public string Name { get; }
    public string LogFile { get; }
    public Uri HttpAddress { get; }

    ServiceProcess(string name, Process process, StreamWriter log, string logFile, Uri httpAddress)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogFile = logFile;
        HttpAddress = httpAddress;
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>{assembly}.dll</c> from the project's output folder and waits until /health/ready answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string projectDirectory, string assembly, Uri httpAddress,
        IReadOnlyDictionary<string, string> environment, string logFolder, TimeSpan? readyTimeout = null)
    {
        var dll = Path.Combine(Repository.Root, projectDirectory, "bin", Repository.Configuration, "net10.0", assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{name} is not built: {dll}");

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;

        Directory.CreateDirectory(logFolder);
        var logFile = Path.Combine(logFolder, $"{name}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(name, process, log, logFile, httpAddress);
        try
        {
            await service.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            // Nobody else holds this process: one that missed its deadline must not keep running after the test gave up on it.
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail()}");
            try
            {
                if ((await http.GetAsync("health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: the process dies mid-flight, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string Tail(int lines = 40)
    {
        lock (log)
        {
            log.Flush();
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM lets the host stop cleanly (bus and outbox dispatcher included).
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        lock (log) log.Dispose();
        process.Dispose();
    }
}
