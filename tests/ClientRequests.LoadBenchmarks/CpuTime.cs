namespace ClientRequests.LoadBenchmarks;

/// <summary>
/// CPU time (user + system) from /proc: of a process with everything it started (the broker is a script with an
/// Erlang VM below it), and of the whole machine. Says which process a run's CPU went to, and whether the machine
/// had any left.
/// </summary>
public static class CpuTime
{
    /// <summary>Clock ticks per second of /proc's counters; 100 on every Linux this runs on (getconf CLK_TCK).</summary>
    const double TicksPerSecond = 100;

    /// <summary>The process alone, without what it started.</summary>
    public static TimeSpan OfProcess(int pid) => TimeSpan.FromSeconds((Read(pid)?.Ticks ?? 0) / TicksPerSecond);

    public static TimeSpan OfTree(int root)
    {
        var parents = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } stat) parents[pid] = stat;
        var ticks = 0L;
        foreach (var (pid, (_, own)) in parents)
            if (DescendsFrom(pid, root, parents)) ticks += own;
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Busy time of all cores together (everything but idle and I/O wait) since boot.</summary>
    public static TimeSpan Machine()
    {
        if (!File.Exists("/proc/stat")) return TimeSpan.Zero;
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields.Select((value, i) => i is 3 or 4 ? 0 : value).Take(8).Sum();
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }

    static bool DescendsFrom(int pid, int root, Dictionary<int, (int Parent, long Ticks)> parents)
    {
        for (var hops = 0; hops < 64; hops++)
        {
            if (pid == root) return true;
            if (!parents.TryGetValue(pid, out var entry) || entry.Parent <= 1) return false;
            pid = entry.Parent;
        }
        return false;
    }

    static (int Parent, long Ticks)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
            return (int.Parse(rest[1]), long.Parse(rest[11]) + long.Parse(rest[12]));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}

/// <summary>CPU used during the load, per part of the platform, and by the machine as a whole.</summary>
public sealed record CpuReport(IReadOnlyDictionary<string, double> MsPerRequest, IReadOnlyDictionary<string, double> Cores, double MachineCores)
{
    public const string LoadGenerator = "load generator (this process)";
    public const string Platform = "platform and broker";

    /// <param name="parts">Each part's process; its children count with it. This process counts alone, since the
    /// platform and the broker are its children.</param>
    public sealed class Meter(IReadOnlyDictionary<string, int> parts)
    {
        readonly Dictionary<string, TimeSpan> start = Read(parts);
        readonly TimeSpan machineStart = CpuTime.Machine();

        static Dictionary<string, TimeSpan> Read(IReadOnlyDictionary<string, int> parts)
        {
            var used = parts.ToDictionary(p => p.Key, p => CpuTime.OfTree(p.Value));
            used[LoadGenerator] = CpuTime.OfProcess(Environment.ProcessId);
            return used;
        }

        public CpuReport Stop(double seconds, int accepted)
        {
            var now = Read(parts);
            var used = now.ToDictionary(p => p.Key, p => (p.Value - start[p.Key]).TotalSeconds);
            used[Platform] = used.Where(u => u.Key != LoadGenerator).Sum(u => u.Value);
            return new CpuReport(
                used.ToDictionary(u => u.Key, u => accepted == 0 ? 0 : u.Value * 1000 / accepted),
                used.ToDictionary(u => u.Key, u => u.Value / seconds),
                (CpuTime.Machine() - machineStart).TotalSeconds / seconds);
        }
    }
}
