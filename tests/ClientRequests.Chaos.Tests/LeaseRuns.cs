using System.Globalization;
using System.Text.RegularExpressions;

namespace ClientRequests.Chaos.Tests;

/// <summary>One period's run of a periodic job on one replica, as its lease line says (JobLeases logs one per run).</summary>
public sealed record LeaseRun(string Service, string Job, string Holder, DateTimeOffset From, DateTimeOffset Until);

/// <summary>How one job of one service ran across its replicas.</summary>
public sealed record JobVerdict(string Service, string Job, TimeSpan Period, int Runs, int Holders, int Overlaps,
    TimeSpan LongestGap, TimeSpan AllowedGap, int FaultFreeRuns, double FaultFreePeriods, int FaultFreeHolders)
{
    /// <summary>Where the tightest gap began, counted from the start of the load: which fault it followed.</summary>
    public TimeSpan LongestGapAt { get; init; }

    /// <summary>
    /// The fewest runs the fault-free part may hold: a tick the busy machine delayed past the next one is skipped (the
    /// timer does not queue ticks), so the slack a tick may take is periods that may go without a run.
    /// </summary>
    public int FaultFreeMinimum { get; init; }

    /// <summary>Once per period: never two holders at once, no gap past the takeover bound, and one run per period while nothing failed.</summary>
    public bool OncePerPeriod => NeverTwiceAndOncePerPeriodWhileQuiet && LongestGap <= AllowedGap;

    /// <summary>
    /// Never two holders at once, and one run per period while nothing failed. The lease may move between replicas
    /// without a fault (a holder's tick late past its lease on a busy machine): that is a takeover, not a second run.
    /// </summary>
    public bool NeverTwiceAndOncePerPeriodWhileQuiet => Overlaps == 0 &&
        FaultFreeRuns >= FaultFreeMinimum && FaultFreeRuns <= Math.Ceiling(FaultFreePeriods) + 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Service} | {Job} | {Period.TotalSeconds:F0} s | {Runs} | {Holders} | {Overlaps} | {LongestGap.TotalSeconds:F1} s (≤ {AllowedGap.TotalSeconds:F1}) from {LongestGapAt.TotalSeconds:F0} s | {FaultFreeRuns} in {FaultFreePeriods:F1} periods (≥ {FaultFreeMinimum}), {FaultFreeHolders} holder(s) |");
}

/// <summary>
/// Counts periodic jobs' runs from the replicas' logs (pure but for <see cref="Read"/>). A run is one lease line;
/// the lease says until when its holder may run, so a run by another replica before then is a job run twice.
/// </summary>
public static partial class LeaseRuns
{
    [GeneratedRegex(@"Lease (?<job>\S+) held by (?<holder>\S+) from (?<from>\S+) until (?<until>\S+)")]
    private static partial Regex Line();

    /// <summary>Every lease line in the logs of the named services' instances (<c>requests.log</c>, <c>requests-2.log</c>).</summary>
    public static IReadOnlyList<LeaseRun> Read(string logFolder, IEnumerable<string> services)
    {
        var runs = new List<LeaseRun>();
        foreach (var service in services)
        {
            foreach (var file in Directory.EnumerateFiles(logFolder, $"{service}*.log")
                         .Where(f => Path.GetFileNameWithoutExtension(f) is var n && (n == service || n.StartsWith(service + "-", StringComparison.Ordinal))))
            {
                using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                while (reader.ReadLine() is { } line)
                {
                    var match = Line().Match(line);
                    if (!match.Success) continue;
                    runs.Add(new LeaseRun(service, match.Groups["job"].Value, match.Groups["holder"].Value,
                        DateTimeOffset.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture),
                        DateTimeOffset.Parse(match.Groups["until"].Value, CultureInfo.InvariantCulture)));
                }
            }
        }
        return runs;
    }

    /// <param name="faultFree">The part of the run before the first fault: one holder, one run per period.</param>
    /// <param name="outages">Times the service's database was away: no replica can tell who holds a job, so the period is left out.</param>
    /// <param name="takeoverBound">The longest a job may go without a run when its holder dies (JobLeases.TakeoverBound).</param>
    /// <param name="slack">What a busy shared machine adds to a tick.</param>
    public static JobVerdict Judge(string service, string job, TimeSpan period, IReadOnlyList<LeaseRun> all,
        (DateTimeOffset From, DateTimeOffset Until) faultFree, IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> outages,
        TimeSpan takeoverBound, TimeSpan slack)
    {
        var runs = all.Where(r => r.Service == service && r.Job == job).OrderBy(r => r.From).ToList();
        var until = new Dictionary<string, DateTimeOffset>();
        var overlaps = 0;
        var longest = TimeSpan.Zero;
        var allowed = takeoverBound + slack;
        var worstAllowed = allowed;
        var worstAt = TimeSpan.Zero;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (until.Any(u => u.Key != run.Holder && u.Value > run.From)) overlaps++;
            until[run.Holder] = run.Until;
            if (i == 0) continue;
            var gap = run.From - runs[i - 1].From;
            var bound = allowed + outages.Select(o => Overlap(runs[i - 1].From, run.From, o)).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            if (gap - bound > longest - worstAllowed) (longest, worstAllowed, worstAt) = (gap, bound, runs[i - 1].From - faultFree.From);
        }
        var quiet = runs.Where(r => r.From >= faultFree.From && r.From < faultFree.Until).ToList();
        return new JobVerdict(service, job, period, runs.Count, runs.Select(r => r.Holder).Distinct().Count(), overlaps, longest, worstAllowed,
            quiet.Count, (faultFree.Until - faultFree.From) / period, quiet.Select(r => r.Holder).Distinct().Count()) 
        {
            LongestGapAt = worstAt,
            FaultFreeMinimum = (int)Math.Floor((faultFree.Until - faultFree.From - slack) / period) - 1,
        };
    }

    static TimeSpan Overlap(DateTimeOffset from, DateTimeOffset until, (DateTimeOffset From, DateTimeOffset Until) outage)
    {
        var start = from > outage.From ? from : outage.From;
        var end = until < outage.Until ? until : outage.Until;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
