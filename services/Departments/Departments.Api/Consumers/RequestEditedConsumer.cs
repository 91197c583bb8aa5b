using ClientRequests.Contracts.Requests;
using ClientRequests.Departments.Data;
using ClientRequests.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Consumers;

/// <summary>
/// The account team edited a request: its open items here show the new title, description and priority (the newest
/// version wins). Their clocks come separately, as WorkItemClockChanged, from the requests service.
/// </summary>
public sealed class RequestEditedConsumer(DepartmentsDbContext db, TimeProvider clock) : IdempotentConsumer<RequestEdited, DepartmentsDbContext>(db, clock)
{
    protected override string InboxName => "RequestEditedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<RequestEdited> context)
    {
        var message = context.Message;
        var items = await Db.WorkItems.Where(i => i.RequestId == message.RequestId && i.RequestVersion < message.Version)
            .ToListAsync(context.CancellationToken);
        foreach (var item in items.Where(i => i.IsOpen))
        {
            (item.Title, item.Description, item.Priority, item.RequestVersion) = (message.Title, message.Description, message.Priority, message.Version);
        }
    }
}
