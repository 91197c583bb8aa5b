using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Messaging;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Data.Leases;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI), with kebab-case endpoints,
    /// bounded retries (then the <c>_error</c> queue), and the EF Core outbox of <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured (an amqp:// URI).");
        var messaging = builder.AddSettings<MessagingOptions>("Messaging");

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSignalInterceptor>();
        builder.AddSettings<OutboxOptions>("Messaging:Outbox");
        builder.Services.TryAddSingleton<JobLeases<TDbContext>>();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named per service ("requests.work-item-queued"): two services with a consumer of the same
            // name must each get every message, not compete for it on one queue.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(messaging.EndpointPrefix ?? ServicePrefix(builder), false));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            bus.AddConfigureEndpointsCallback((_, endpoint) => messaging.ConfigureQueue(endpoint));
            configureConsumers?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // Outer: a passing failure (the database locked or down) is retried for minutes. Inner: any other
                // failure a few times within seconds, then the message goes to _error.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(TransientFailure.Is);
                    retry.Exponential(messaging.TransientRetryLimit,
                        TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(TransientFailure.Is);
                    retry.Exponential(messaging.RetryLimit,
                        TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                });
                rabbit.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
                rabbit.PrefetchCount = messaging.PrefetchCount;
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>"Requests.Api" → "requests."; the kebab-case formatter keeps the prefix as it is.</summary>
    static string ServicePrefix(IHostApplicationBuilder builder) =>
        builder.Environment.ApplicationName.Split('.')[0].ToLowerInvariant() + ".";
}
