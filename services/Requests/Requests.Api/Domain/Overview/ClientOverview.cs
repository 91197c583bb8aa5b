using System.Globalization;
using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Domain.Overview;

/// <summary>
/// What the client 360 shows of a client's requests (ADR 0035), as plain rules: which open requests come first, how far
/// back "recent" reaches, and satisfaction per calendar month.
/// </summary>
public static class ClientOverview
{
    /// <summary>Open requests shown per client; the count says how many there are in all.</summary>
    public const int MaxOpenRequests = 50;

    /// <summary>The newest open requests ranked; a client with more open than this has a backlog the requests list pages through.</summary>
    public const int OpenRequestsRanked = 500;

    public const int MaxRecentEvents = 25;

    /// <summary>The health window (ADR 0012): events older than what the score counts are not "recent".</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    public const int SatisfactionMonths = 12;

    /// <summary>Breached first, then at risk, then the rest; within each the soonest resolution target, then the newest.</summary>
    public static IEnumerable<T> MostUrgentFirst<T>(IEnumerable<T> requests, Func<T, string> state, Func<T, DateTimeOffset?> resolutionDueAt,
        Func<T, DateTimeOffset> submittedAt) =>
        requests.OrderBy(r => Rank(state(r)))
            .ThenBy(r => resolutionDueAt(r) ?? DateTimeOffset.MaxValue)
            .ThenByDescending(submittedAt);

    static int Rank(string state) => state switch
    {
        SlaStates.Breached => 0,
        SlaStates.AtRisk => 1,
        _ => 2,
    };

    /// <summary>The first instant of the oldest month <see cref="ByMonth"/> reports: the current month and the eleven before it.</summary>
    public static DateTimeOffset SatisfactionSince(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-(SatisfactionMonths - 1));
    }

    /// <summary>Every month of the window, oldest first, with the ratings recorded in it; ratings outside the window are ignored.</summary>
    public static IReadOnlyList<MonthSatisfaction> ByMonth(IEnumerable<(DateTimeOffset At, int Score)> ratings, DateTimeOffset now)
    {
        var since = SatisfactionSince(now);
        var byMonth = ratings.Where(r => r.At >= since && r.At <= now)
            .GroupBy(r => Month(r.At))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Average: Math.Round(g.Average(r => r.Score), 2, MidpointRounding.AwayFromZero)));
        return Enumerable.Range(0, SatisfactionMonths)
            .Select(i => Month(since.AddMonths(i)))
            .Select(m => byMonth.TryGetValue(m, out var f) ? new MonthSatisfaction(m, f.Count, f.Average) : new MonthSatisfaction(m, 0, null))
            .ToList();
    }

    static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
