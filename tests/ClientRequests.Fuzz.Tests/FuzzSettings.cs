namespace ClientRequests.Fuzz.Tests;

/// <summary>
/// How much the fuzzers generate. The normal run is bounded (a minute or two in all); <c>CLIENTREQUESTS_FUZZ=long</c>
/// runs several times as many cases with bigger inputs. <c>CLIENTREQUESTS_FUZZ_SEED</c> replays another seed.
/// </summary>
public static class FuzzSettings
{
    public static bool Long { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CLIENTREQUESTS_FUZZ"), "long", StringComparison.OrdinalIgnoreCase);

    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CLIENTREQUESTS_FUZZ_SEED"), out var seed) ? seed : 20261129;

    /// <summary>Malformed requests per REST endpoint.</summary>
    public static int CasesPerEndpoint => Long ? 300 : 36;

    public static int GraphQLCases => Long ? 2000 : 240;

    public static int GrpcCasesPerMethod => Long ? 200 : 30;

    /// <summary>The largest string the generators send (the long run reaches Kestrel's 30 MB body limit).</summary>
    public static int HugeString => Long ? 4_000_000 : 300_000;

    /// <summary>A random stream per (name, case), the same on every run with the same seed.</summary>
    public static Random RandomFor(string name, int caseNumber) => new(unchecked(Seed * 31 + StableHash(name) * 17 + caseNumber));

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, which would make the cases differ per run.</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return unchecked((int)hash);
    }
}
