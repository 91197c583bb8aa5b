namespace ClientRequests.Requests.Teams;

/// <summary>Bound from <c>Teams</c>: how the team projection is rebuilt from the clients service's directory.</summary>
public sealed class TeamOptions
{
    public const string Section = "Teams";

    /// <summary>A full rebuild this often after the first; events keep the copy current in between.</summary>
    public TimeSpan RebuildEvery { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>The first wait after a failed rebuild, doubling up to <see cref="RebuildEvery"/>.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
    public int PageSize { get; set; } = 500;
}
