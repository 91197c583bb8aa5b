using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClientRequests.TestKit;

/// <summary>
/// A private PostgreSQL server on a free loopback port, its data in a temporary folder (eng/postgres-server.sh).
/// Tests can stop it, kill it (SIGKILL: a crash) and start it again on the same port and data.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    readonly string folder;
    bool running;

    public int Port { get; }
    public string Password { get; }

    PostgresServer(string folder, int port, string password)
    {
        this.folder = folder;
        Port = port;
        Password = password;
    }

    public static async Task<PostgresServer> StartAsync(string name = "test")
    {
        await EnsureInstalledAsync();
        var id = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 40)];
        var server = new PostgresServer(Path.Combine(Path.GetTempPath(), "clientrequests-postgres", id), FreePort.Next(), "postgres-" + Guid.NewGuid().ToString("N")[..8]);
        try { await server.StartAsync(); }
        catch
        {
            await server.KillAsync();
            throw;
        }
        return server;
    }

    /// <summary>The server of this port, as another process (test.sh) started it.</summary>
    internal static PostgresServer Existing(int port, string password) => new("", port, password);

    /// <summary>A connection string for <paramref name="database"/>; EF creates it when it migrates.</summary>
    public string ConnectionString(string database, string? password = null) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={password ?? Password};Database={database};Timeout=5;Command Timeout=30";

    public async Task StartAsync()
    {
        await ScriptAsync("start", folder, $"{Port}", Password);
        running = true;
        await WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A fast shutdown, as an operator restarting the server would do it; open sessions are ended.</summary>
    public async Task StopAsync()
    {
        await ScriptAsync("stop", folder);
        running = false;
    }

    /// <summary>The postmaster's process id while the server runs (its backends are its children).</summary>
    public int? ProcessId =>
        File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;

    /// <summary>SIGKILL to the server and its backends: a crash. Start again recovers from the write-ahead log.</summary>
    public async Task KillAsync()
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            var processes = ChildrenOf(pid).Append(pid).ToList();
            foreach (var process in processes) TryKill(process);
            // A signal is delivered, not awaited: until the processes are gone, the next start finds the socket's lock
            // file naming a live postmaster and refuses to run.
            for (var waited = 0; waited < 50 && processes.Any(p => Directory.Exists($"/proc/{p}")); waited++) await Task.Delay(100);
            File.Delete(pidFile);
            foreach (var lockFile in Directory.EnumerateFiles(folder, ".s.PGSQL.*.lock")) File.Delete(lockFile);
        }
        running = false;
    }

    static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .ToList();

    static int ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    static void TryKill(int pid)
    {
        try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
    }

    /// <summary>The test kit installs PostgreSQL the way test.sh installs the broker, once, when it is missing.</summary>
    static async Task EnsureInstalledAsync()
    {
        if (Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any())
            return;
        await RunAsync(Path.Combine(Repository.Root, "eng", "install-prerequisites.sh"), []);
    }

    async Task WaitUntilAcceptingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new TimeoutException($"PostgreSQL on port {Port} did not accept connections within {timeout}; see {folder}/log");
    }

    static Task ScriptAsync(params string[] arguments) => RunAsync(Path.Combine(Repository.Root, "eng", "postgres-server.sh"), arguments);

    static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments.Take(2))} exited with {process.ExitCode}: {await error}{await output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (folder.Length == 0) return;
        if (running)
        {
            try { await StopAsync(); } catch (InvalidOperationException) { await KillAsync(); }
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
