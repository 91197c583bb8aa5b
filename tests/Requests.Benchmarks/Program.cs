using System.Diagnostics;
using Requests.Benchmarks;

// Seeds a SQLite database with N requests (once; reused while the count matches), then measures in-process:
// a filtered 50-row list page (several filters) and opening a request (validation, routing, request + work item
// + timeline + outbox rows in one transaction). Usage: dotnet run -c Release --project tests/Requests.Benchmarks -- [requests] [database]
var count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var path = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(".data", "bench", $"requests-{count}-teams.db"));
Directory.CreateDirectory(Path.GetDirectoryName(path)!);

var clock = Stopwatch.StartNew();
var seeded = await Seeder.EnsureAsync(path, count);
Console.WriteLine($"database: {path}");
Console.WriteLine(seeded ? $"seeded {count:N0} requests in {clock.Elapsed.TotalSeconds:0} s" : $"reused {count:N0} requests");

Console.WriteLine($"{"measure",-44} {"runs",5} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
foreach (var (name, scope, filter) in ListBenchmark.Filters())
    Report(name, await ListBenchmark.MeasureAsync(path, scope, filter, runs: 300));
Report("open a request (201, outbox row written)", await OpenBenchmark.MeasureAsync(path, runs: 500));

static void Report(string name, List<double> samples)
{
    samples.Sort();
    double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
    Console.WriteLine($"{name,-44} {samples.Count,5} {At(0.50),8:0.00} {At(0.99),8:0.00} {samples[^1],8:0.00}");
}
