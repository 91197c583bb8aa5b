using System.Collections.Concurrent;
using ClientRequests.Contracts.Departments;
using MassTransit;

namespace Departments.Tests;

/// <summary>Plays a subscriber of the progress events (the requests service) on its own bus in the test's virtual host.</summary>
public sealed class EventListener : IAsyncDisposable
{
    readonly IBusControl bus;
    readonly ConcurrentQueue<object> received = new();

    EventListener(string amqpUri)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(amqpUri));
            rabbit.ReceiveEndpoint($"listener-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<WorkItemQueued>(Keep);
                endpoint.Handler<WorkItemClaimed>(Keep);
                endpoint.Handler<WorkItemStarted>(Keep);
                endpoint.Handler<WorkItemCompleted>(Keep);
                endpoint.Handler<WorkItemRejected>(Keep);
                endpoint.Handler<WorkItemHandedOver>(Keep);
            });
        });
    }

    Task Keep<T>(ConsumeContext<T> context) where T : class
    {
        received.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public static async Task<EventListener> StartAsync(string amqpUri)
    {
        var listener = new EventListener(amqpUri);
        await listener.bus.StartAsync();
        return listener;
    }

    public IEnumerable<T> All<T>() => received.OfType<T>();

    public async Task<T> WaitForAsync<T>(Func<T, bool> match)
    {
        T? found = default;
        await Eventually.TrueAsync(() =>
        {
            found = received.OfType<T>().FirstOrDefault(match);
            return Task.FromResult(found is not null);
        }, $"a {typeof(T).Name}");
        return found!;
    }

    public ValueTask DisposeAsync() => new(bus.StopAsync());
}
