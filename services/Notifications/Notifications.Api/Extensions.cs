using ClientRequests.Notifications.Consumers;
using ClientRequests.Notifications.Data;

namespace ClientRequests.Notifications;

public static class Extensions
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext>("notifications");
        builder.AddMessaging<NotificationsDbContext>(bus => bus.AddConsumer<RequestSubmittedConsumer>());
        builder.Services.AddOpenApi();
        return builder;
    }
}
