using ClientRequests.Clients.Grpc;
using ClientRequests.Requests.Data;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ClientRequests.Requests.Teams;

/// <summary>
/// Rebuilds the team projection from the clients service's directory: at start (a new or restored database, events
/// missed while the queue did not exist yet) and then periodically, which repairs a copy that fell behind. Events keep it
/// current in between. A page is stamped a little before it was read, so an event the page may not include yet still
/// applies when it arrives, and a row an event already made newer is left as it is (ADR 0029).
/// </summary>
public sealed class TeamDirectorySync(IServiceScopeFactory scopes, ServiceToken token, IOptions<TeamOptions> options, TimeProvider clock,
    ILogger<TeamDirectorySync> logger) : BackgroundService
{
    /// <summary>How far before its read a page is stamped: more than the time between stamping a change and committing it.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(5);

    readonly TaskCompletionSource firstRebuild = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the first full rebuild (tests and readiness wait on it).</summary>
    public Task FirstRebuild => firstRebuild.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        TimeSpan? retry = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var (teams, changed) = await RebuildAsync(stoppingToken);
                logger.LogInformation("Team projection rebuilt from the directory: {Teams} clients, {Changed} changed", teams, changed);
                firstRebuild.TrySetResult();
                (wait, retry) = (settings.RebuildEvery, null);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The clients service is not up yet or is restarting, or an event wrote a row meanwhile: events still
                // arrive, and the next try (sooner at first, then backing off) fills the gaps.
                wait = retry is { } last ? TimeSpan.FromTicks(Math.Min(last.Ticks * 2, MaxRetryWait.Ticks)) : settings.RetryAfter;
                retry = wait;
                logger.LogWarning(e, "Team projection rebuild failed; retrying in {Wait}", wait);
            }
            await Task.Delay(wait, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<(int Teams, int Changed)> RebuildAsync(CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "Authorization", $"Bearer {await token.GetAsync(cancellationToken)}" } };
        var (teams, changed, after) = (0, 0, "");
        DateTimeOffset? stamp = null;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetRequiredService<ClientDirectory.ClientDirectoryClient>();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var page = await directory.ListAccountTeamsAsync(new ListAccountTeamsRequest { AfterClientId = after, Limit = options.Value.PageSize },
                headers, cancellationToken: cancellationToken);
            stamp ??= page.AsOf.ToDateTimeOffset() - Margin;
            foreach (var team in page.Teams)
                if (Guid.TryParse(team.ClientId, out var clientId)
                    && await db.ApplyAsync(clientId, team.AccountManagerId, team.AccountExecutiveIds, stamp.Value, cancellationToken))
                    changed++;
            await db.SaveChangesAsync(cancellationToken);
            teams += page.Teams.Count;
            after = page.NextAfterClientId;
        } while (after.Length > 0);
        return (teams, changed);
    }
}
