using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Queues;

/// <summary>
/// Connects the managed departments' queues at start, retrying while the database or broker is not there yet,
/// then reconciles now and then so that other replicas' changes to departments reach this one too. The first connect
/// waits for the bus to have started: an endpoint connected while the bus is still starting its own endpoints faults
/// the start ("Collection was modified"), and the service never becomes ready.
/// </summary>
public sealed class DepartmentQueuesStarter(IServiceScopeFactory scopes, DepartmentQueues queues, IBusControl bus,
    IConfiguration configuration, ILogger<DepartmentQueuesStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("Departments:ReconcileInterval", TimeSpan.FromSeconds(30));
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
        var connectedOnce = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queues.ReconcileAsync(async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<DepartmentsDbContext>();
                    var departments = await db.Departments.Select(d => new { d.Code, d.Mode }).ToListAsync(stoppingToken);
                    return (departments.Where(d => d.Mode == DepartmentMode.Managed).Select(d => d.Code).ToList(),
                        departments.Where(d => d.Mode == DepartmentMode.External).Select(d => d.Code).ToList());
                });
                connectedOnce = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Department queues not reconciled; retrying");
            }
            await Task.Delay(connectedOnce ? every : TimeSpan.FromSeconds(2), stoppingToken);
        }
    }
}
