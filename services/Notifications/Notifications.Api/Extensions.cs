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
        builder.AddServiceDatabase<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext>("notifications");
        builder.AddMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<RequestSubmittedConsumer>();
            bus.AddConsumer<RequestStatusChangedConsumer>();
            bus.AddConsumer<SatisfactionRecordedConsumer>();
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
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        builder.Services.AddSingleton<WebhookAddressGuard>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDispatcher>();

        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddSingleton<PickupFolderSender>();
        builder.Services.AddHostedService<EmailDispatcher>();

        builder.Services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section);

        builder.Services.AddOpenApi();
        return builder;
    }
}
