using ClientRequests.Departments.Consumers;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Queues;

/// <summary>
/// Consumes the durable queue <c>department-{code}</c> of every managed department. Queues are connected at
/// run time because departments are data: one created through the API is connected without a restart.
/// </summary>
public sealed class DepartmentQueues(IReceiveEndpointConnector connector, MessagingOptions messaging, ILogger<DepartmentQueues> logger)
{
    readonly HashSet<string> connected = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConnected(string code) { lock (connected) return connected.Contains(code); }

    public async Task ConnectAsync(string code)
    {
        lock (connected)
            if (!connected.Add(code)) return;

        var handle = connector.ConnectReceiveEndpoint(Department.QueueName(code), (context, endpoint) =>
        {
            messaging.ConfigureQueue(endpoint);
            endpoint.ConfigureConsumer<AssignWorkItemConsumer>(context);
        });
        await handle.Ready;
        logger.LogInformation("Consuming queue {Queue}", Department.QueueName(code));
    }
}

/// <summary>Connects the managed departments' queues at start, retrying while the database or broker is not there yet.</summary>
public sealed class DepartmentQueuesStarter(IServiceScopeFactory scopes, DepartmentQueues queues, ILogger<DepartmentQueuesStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DepartmentsDbContext>();
                var codes = await db.Departments.Where(d => d.Mode == DepartmentMode.Managed).Select(d => d.Code).ToListAsync(stoppingToken);
                foreach (var code in codes) await queues.ConnectAsync(code);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Department queues not connected yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
