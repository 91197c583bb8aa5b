using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClientRequests.TestKit;

/// <summary>
/// A private RabbitMQ node on free loopback ports, its state in a temporary folder. Tests can stop it
/// gracefully, kill it, and start it again on the same ports and data.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    readonly string folder;
    readonly string nodeName;
    Process? process;

    public int AmqpPort { get; }
    public int ManagementPort { get; }
    public int DistributionPort { get; }
    public Uri ManagementUri => new($"http://127.0.0.1:{ManagementPort}/");
    /// <summary>The script that runs the node (the Erlang VM is below it); null while the node is stopped.</summary>
    public int? ProcessId => process?.Id;

    RabbitMqNode(string folder, string nodeName)
    {
        this.folder = folder;
        this.nodeName = nodeName;
        AmqpPort = FreePort.Next();
        ManagementPort = FreePort.Next();
        DistributionPort = FreePort.Next();
    }

    public static async Task<RabbitMqNode> StartAsync(string name = "test")
    {
        var id = $"{name}{Guid.NewGuid():N}"[..Math.Min(name.Length + 12, 40)];
        var node = new RabbitMqNode(Path.Combine(Path.GetTempPath(), "clientrequests-rabbit", id), id);
        try { await node.StartAsync(); }
        catch
        {
            // A node too slow to become ready (a busy machine) must not outlive the caller that gave up on it.
            await node.KillAsync();
            throw;
        }
        return node;
    }

    public string AmqpUri(string virtualHost = "/") =>
        $"amqp://guest:guest@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(virtualHost)}";

    public async Task StartAsync()
    {
        var script = Path.Combine(Repository.Root, "eng", "rabbitmq-node.sh");
        var start = new ProcessStartInfo("setsid", [script, folder, $"{AmqpPort}", $"{ManagementPort}", $"{DistributionPort}", nodeName])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Stops the node the way an operator would; its queues and messages survive.</summary>
    public async Task StopAsync()
    {
        await RabbitMqCtl("stop");
        if (process is not null) await process.WaitForExitAsync();
        process = null;
    }

    /// <summary>Kills the node's processes with SIGKILL: a crash, not a shutdown.</summary>
    public async Task KillAsync()
    {
        var pidFile = Path.Combine(folder, "rabbitmq.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
        {
            try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }
        process?.Kill(entireProcessTree: true);
        if (process is not null) await process.WaitForExitAsync();
        process = null;
    }

    public Task CreateVirtualHostAsync(string virtualHost) => Management.CreateVirtualHostAsync(ManagementUri, virtualHost);

    public Task<int?> QueueDepthAsync(string virtualHost, string queue) => Management.QueueDepthAsync(ManagementUri, virtualHost, queue);

    async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var http = Management.Client(ManagementUri);
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"rabbitmq-server exited with {process.ExitCode}; see {folder}/log");
            try
            {
                if ((await http.GetAsync("api/overview")).IsSuccessStatusCode && await AcceptsAmqpAsync()) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"RabbitMQ node {nodeName} was not ready within {timeout}; see {folder}/log");
    }

    async Task<bool> AcceptsAmqpAsync()
    {
        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, AmqpPort);
            return true;
        }
        catch (SocketException) { return false; }
    }

    async Task RabbitMqCtl(string command)
    {
        var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", $"{nodeName}@localhost", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = Path.Combine(folder, "home");
        using var ctl = Process.Start(start)!;
        await ctl.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await RabbitMqCtl("stop");
            if (!process.WaitForExit(TimeSpan.FromSeconds(15))) process.Kill(entireProcessTree: true);
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
