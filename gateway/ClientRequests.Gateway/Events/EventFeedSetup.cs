using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClientRequests.Gateway.Events;

public static class EventFeedSetup
{
    /// <summary>
    /// The <see cref="PlatformEventHub"/>, fed from RabbitMQ (<c>ConnectionStrings:rabbitmq</c>) through a queue of this
    /// instance's own: non-durable and auto-deleted, so every replica gets every event and a stopped replica leaves
    /// nothing behind. Without a connection string the hub stays empty (subscriptions send their first result only).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformEventFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlatformEventHub>();
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq");
        if (string.IsNullOrEmpty(connectionString)) return builder;

        var queue = $"gateway-{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}";
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<PlatformEventFeed>();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                // The proxy and queries work without the broker: a lost connection degrades the gateway, it does not take it out.
                health.MinimalFailureStatus = HealthStatus.Degraded;
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.ReceiveEndpoint(queue, endpoint =>
                {
                    endpoint.Durable = false;
                    endpoint.AutoDelete = true;
                    // A fan-out to open streams: a message that cannot be handed on is of no use later, so no _error queue.
                    endpoint.DiscardFaultedMessages();
                    endpoint.ConfigureConsumer<PlatformEventFeed>(context);
                });
            });
        });
        return builder;
    }
}
