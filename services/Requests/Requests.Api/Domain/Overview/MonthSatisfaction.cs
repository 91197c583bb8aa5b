namespace ClientRequests.Requests.Domain.Overview;

/// <summary>The ratings recorded in one calendar month (UTC, yyyy-MM); <see cref="Average"/> is null in a month without any.</summary>
public sealed record MonthSatisfaction(string Month, int Ratings, double? Average);
