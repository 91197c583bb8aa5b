namespace ClientRequests.Identity.Clients;

/// <summary>
/// Registers the clients once the database is migrated (the migrator is registered first, so it has run by now).
/// A database that is not there yet is retried in the background, and readiness stays red until it works.
/// </summary>
public sealed class ClientRegistration(ClientRegistry registry, ILogger<ClientRegistration> logger) : BackgroundService
{
    public bool Done { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await registry.SynchronizeAsync(stoppingToken);
                Done = true;
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Clients could not be registered yet; retrying in 2 s.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
