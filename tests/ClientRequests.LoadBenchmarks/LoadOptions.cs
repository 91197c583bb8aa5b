using System.Globalization;

namespace ClientRequests.LoadBenchmarks;

/// <param name="Rate">Requests per second to open, or null for flat out ("--rate max").</param>
/// <param name="MaxInFlight">Open loop: the bound on outstanding POSTs (a slot due while it is reached is dropped
/// and counted). Flat out: the number of concurrent senders.</param>
/// <param name="ContractChangeShare">Share of requests of type contract-change (two departments); billing otherwise.</param>
/// <param name="Production">The production shape: a private PostgreSQL server and two instances of every service;
/// SQLite and one instance of each otherwise.</param>
public sealed record LoadOptions(double? Rate, int Seconds, int MaxInFlight, double ContractChangeShare, int RawSeconds, int WarmUpSeconds, string? Output,
    bool Production = false)
{
    public const string Usage =
        "dotnet run -c Release --project tests/ClientRequests.LoadBenchmarks -- --rate <n|max> [--seconds 30] " +
        "[--in-flight 64] [--contract-change 0.0] [--raw-seconds 10] [--warm-up 60] [--out file.json] [--production]";

    public static LoadOptions Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double Number(string name, double fallback) =>
            Get(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var rateText = Get("rate") ?? throw new ArgumentException("--rate is required");
        double? rate = rateText == "max" ? null : double.Parse(rateText, CultureInfo.InvariantCulture);
        if (rate is <= 0) throw new ArgumentException("--rate must be positive or max");
        var seconds = (int)Number("seconds", 30);
        // The brief of issue 9 bounds a load phase at 60 s: the machine is shared.
        if (seconds is < 1 or > 60) throw new ArgumentException("--seconds must be 1..60");
        var share = Number("contract-change", 0);
        if (share is < 0 or > 1) throw new ArgumentException("--contract-change must be 0..1");
        var warmUp = (int)Number("warm-up", 60);
        if (warmUp is < 1 or > 120) throw new ArgumentException("--warm-up must be 1..120");
        return new(rate, seconds, (int)Number("in-flight", 64), share, (int)Number("raw-seconds", 10), warmUp, Get("out"),
            args.Contains("--production"));
    }
}
