namespace ClientRequests.Identity.Keys;

/// <summary>Checks the key ring on a timer: a due key is replaced, an old one retired, without a restart.</summary>
public sealed class KeyRotation(SigningKeyRing ring, IdentityOptions options, ILogger<KeyRotation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Keys.CheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { ring.RotateIfDue(); }
            catch (IOException e) { logger.LogError(e, "The signing keys could not be rotated; the current ones stay in use."); }
        }
    }
}
