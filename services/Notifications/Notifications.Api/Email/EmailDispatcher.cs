using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Email;

/// <summary>Sends the e-mails the consumers recorded, outside their transactions, and marks each one sent.</summary>
public sealed class EmailDispatcher(IServiceScopeFactory scopes, PickupFolderSender sender, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendUnsentAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending e-mails failed; trying again shortly.");
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    async Task SendUnsentAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unsent = await db.Notifications
            .Where(n => n.Channel == NotificationChannel.Email && n.SentAt == null)
            .OrderBy(n => n.CreatedAt).Take(50).ToListAsync(stoppingToken);
        foreach (var email in unsent)
        {
            try { await sender.SendAsync(email, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad e-mail (an address the mail system refuses) must not hold up the others; it is tried again later.
                logger.LogWarning(e, "E-mail {Notification} to {Address} could not be handed over.", email.Id, email.Address);
                continue;
            }
            email.MarkSent(clock.GetUtcNow());
            // One short transaction per e-mail: SQLite has one writer, and the consumers share it.
            await db.SaveChangesAsync(stoppingToken);
        }
    }
}
