using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Notifications.Apis;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Consumers;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Email;
using ClientRequests.Notifications.Webhooks;

namespace ClientRequests.Notifications;

public static class Extensions
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext, PostgreSqlNotificationsDbContext>("notifications");
        builder.AddMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<RequestSubmittedConsumer>();
            bus.AddConsumer<RequestStatusChangedConsumer>();
            bus.AddConsumer<SatisfactionRecordedConsumer>();
            bus.AddConsumer<CommentAddedConsumer>();
            bus.AddConsumer<SlaAtRiskConsumer>();
            bus.AddConsumer<SlaBreachedConsumer>();
            bus.AddConsumer<AccountTeamChangedConsumer>();
            bus.AddConsumer<WorkItemQueuedConsumer>();
            bus.AddConsumer<WorkItemClaimedConsumer>();
            bus.AddConsumer<WorkItemStartedConsumer>();
            bus.AddConsumer<WorkItemCompletedConsumer>();
            bus.AddConsumer<WorkItemRejectedConsumer>();
            bus.AddConsumer<WorkItemHandedOverConsumer>();
        });
        builder.Services.AddScoped<Notifier>();
        builder.AddSettings<WebhookOptions>(WebhookOptions.Section);
        builder.Services.AddSingleton<WebhookAddressGuard>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDispatcher>();

        builder.AddEmail();

        builder.AddSettings<StreamOptions>(StreamOptions.Section);

        builder.Services.AddGrpc();
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>The pickup folder unless <c>Notifications:Email:Transport</c> is Smtp; a bad SMTP setting stops the start.</summary>
    static void AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => o.Transport != EmailTransport.Smtp || Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Smtp.Security, true, out _),
                "Notifications:Email:Smtp:Security must be None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.")
            .Validate(o => o.Smtp.Timeout > TimeSpan.Zero && o.Smtp.Port is > 0 and < 65536, "Notifications:Email:Smtp needs a port and a positive timeout.")
            .ValidateOnStart();
        var transport = builder.Configuration.GetValue($"{EmailOptions.Section}:Transport", EmailTransport.Pickup);
        if (transport == EmailTransport.Smtp) builder.Services.AddSingleton<IEmailSender, SmtpSender>();
        else builder.Services.AddSingleton<IEmailSender, PickupFolderSender>();
        builder.Services.AddHostedService<EmailDispatcher>();
    }
}
