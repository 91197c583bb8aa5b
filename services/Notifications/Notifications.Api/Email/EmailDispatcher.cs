using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Email;

/// <summary>
/// Sends the e-mails the consumers recorded once they are due, outside the consumers' transactions: each immediate
/// e-mail alone, each recipient's due digest e-mails as one message. A failed hand-over is tried again after a
/// back-off and never dropped; it goes to the back of the line, so it does not hold up the e-mails behind it.
/// </summary>
public sealed class EmailDispatcher(IServiceScopeFactory scopes, IEmailSender sender, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<EmailDispatcher> logger) : BackgroundService
{
    const int BatchSize = 50;
    readonly EmailOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                await SendDueDigestsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending e-mails failed; trying again shortly.");
            }
            try { await Task.Delay(settings.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    async Task SendDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var due = await DueEmails(db, now).Where(n => !n.Digest).OrderBy(n => n.DueAt).Take(BatchSize).ToListAsync(stoppingToken);
        foreach (var email in due)
            await SendAsync(db, [email], new OutgoingEmail(email.Id, email.Address!, email.Title, email.Body, email.Kind, email.CreatedAt), stoppingToken);
    }

    async Task SendDueDigestsAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var recipients = await DueEmails(db, now).Where(n => n.Digest).Select(n => n.RecipientId).Distinct().OrderBy(r => r).Take(BatchSize).ToListAsync(stoppingToken);
        foreach (var recipient in recipients)
        {
            var items = await DueEmails(db, now).Where(n => n.Digest && n.RecipientId == recipient)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Take(DigestTemplate.MaxItems).ToListAsync(stoppingToken);
            if (items.Count == 0) continue;
            await SendAsync(db, items, DigestTemplate.Render(items, now), stoppingToken);
        }
    }

    static IQueryable<Notification> DueEmails(NotificationsDbContext db, DateTimeOffset now) =>
        db.Notifications.AsNoTracking().Where(n => n.Channel == NotificationChannel.Email && n.SentAt == null && n.DueAt <= now);

    /// <summary>Claims the notifications, hands the message over, then marks them sent or schedules the next try.</summary>
    async Task SendAsync(NotificationsDbContext db, IReadOnlyList<Notification> notifications, OutgoingEmail email, CancellationToken stoppingToken)
    {
        var ids = notifications.Select(n => n.Id).ToList();
        var now = clock.GetUtcNow();
        // The claim moves the due time past the attempt's end: another replica (or the next round) leaves them alone meanwhile,
        // and a replica that dies mid-attempt leaves them due again once it has passed.
        var leaseUntil = now + settings.Smtp.Timeout + TimeSpan.FromSeconds(30);
        var claimed = await db.Notifications.Where(n => ids.Contains(n.Id) && n.SentAt == null && n.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, leaseUntil), stoppingToken);
        if (claimed != ids.Count)
        {
            // Another replica took some of them: give back ours, the next round sends what is left.
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.SentAt == null && n.DueAt == leaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, now), stoppingToken);
            return;
        }
        try
        {
            await sender.SendAsync(email, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var failures = notifications.Max(n => n.FailedAttempts) + 1;
            var retryAt = clock.GetUtcNow() + settings.RetryPolicy().DelayAfter(failures, Random.Shared.NextDouble());
            logger.LogWarning(e, "E-mail {Email} to {Address} could not be handed over ({Failures} failures); trying again at {RetryAt}.",
                email.Id, email.To, failures, retryAt);
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, retryAt).SetProperty(n => n.FailedAttempts, failures), CancellationToken.None);
            return;
        }
        var sentAt = clock.GetUtcNow();
        await db.Notifications.Where(n => ids.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, sentAt), CancellationToken.None);
    }
}
