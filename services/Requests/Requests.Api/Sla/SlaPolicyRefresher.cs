using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// Seeds the first policy version from configuration into an empty database, then keeps this replica's
/// <see cref="SlaPolicies"/> within <c>Sla:PolicyRefresh</c> of the newest stored version.
/// </summary>
public sealed class SlaPolicyRefresher(IServiceScopeFactory scopes, SlaPolicies policies, IOptions<SlaOptions> options, RequestTypes types,
    TimeProvider clock, ILogger<SlaPolicyRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered after the database migrator, so on a migrated database the stored version is in use before traffic.
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(options.Value.PolicyRefresh, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await TryRefreshAsync(stoppingToken);
        }
    }

    async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            if (!await db.SlaPolicyVersions.AnyAsync(cancellationToken)) await SeedAsync(cancellationToken);
            await policies.RefreshAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StartupRefusedException)
        {
            // A database not migrated or not reachable yet: the configuration (the seed itself) stays in use meanwhile.
            logger.LogWarning(e, "The SLA policy could not be read; retrying in {Refresh}", options.Value.PolicyRefresh);
        }
    }

    async Task SeedAsync(CancellationToken cancellationToken)
    {
        var document = options.Value.ToDocument();
        var errors = SlaPolicyValidation.Validate(document, types.Names);
        if (errors.Count > 0)
            // Waiting cannot fix the settings: the service refuses to start, naming each field.
            throw new StartupRefusedException($"the '{SlaOptions.Section}' settings are not a valid first SLA policy: " +
                string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        db.SlaPolicyVersions.Add(new SlaPolicyVersion
        {
            Version = 1, Document = ActiveSlaPolicy.Serialize(document), ChangedBy = ActiveSlaPolicy.Configuration, ChangedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded SLA policy version 1 from the '{Section}' settings", SlaOptions.Section);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded it at the same moment (its version 1 is the same settings' document); anything else
            // fails the refresh that follows and is logged there.
        }
    }
}
