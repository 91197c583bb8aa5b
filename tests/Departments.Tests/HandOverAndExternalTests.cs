using System.Net;
using System.Text;
using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Domain;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Departments.Tests;

/// <summary>Hand-overs through the departments' queues, an external department's own system, and messages that are wrong.</summary>
public sealed class HandOverAndExternalTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    async Task<(Guid Id, HttpClient Client)> ClaimedBillingItemAsync()
    {
        var client = App.ClientFor(await App.NewAgentAsync("billing"));
        var id = await App.QueueWorkItemAsync("billing");
        (await client.ActAsync("billing", id, "claim")).EnsureSuccessStatusCode();
        return (id, client);
    }

    [Fact]
    public async Task Handing_over_closes_the_item_and_opens_one_in_the_target_departments_queue()
    {
        await using var listener = await EventListener.StartAsync(App.AmqpUri);
        var (id, client) = await ClaimedBillingItemAsync();

        var item = await (await client.ActAsync("billing", id, "hand-over", new { toDepartmentCode = "legal" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("HandedOver", item.GetProperty("status").GetString());
        var newId = item.GetProperty("handedOverAs").GetGuid();

        var handedOver = await listener.WaitForAsync<WorkItemHandedOver>(e => e.WorkItemId == id);
        Assert.Equal(("legal", newId, 3), (handedOver.ToDepartmentCode, handedOver.NewWorkItemId, handedOver.Sequence));
        // The new item came through department-legal like any other: queued there, announced, same request.
        var queued = await listener.WaitForAsync<WorkItemQueued>(e => e.WorkItemId == newId);
        Assert.Equal(("legal", handedOver.RequestId), (queued.DepartmentCode, queued.RequestId));
        var opened = await App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == newId)));
        Assert.Equal((WorkItemStatus.Queued, "legal"), (opened.Status, opened.DepartmentCode));
        // Until the requests service sends the new item's own clock (revision 1), it keeps the instants of the item it came from.
        var from = await App.QueryAsync(db => Task.FromResult(db.WorkItems.Single(i => i.Id == id)));
        Assert.Equal((from.DueAt, from.AtRiskAt, 0), (opened.DueAt, opened.AtRiskAt, opened.ClockRevision));
    }

    [Fact]
    public async Task An_external_departments_own_system_takes_the_item_from_its_queue_and_publishes_progress_with_the_contracts()
    {
        await using var listener = await EventListener.StartAsync(App.AmqpUri);
        // The ERP system: its own bus and consumer on department-erp, publishing the contracts' progress events.
        var erp = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(App.AmqpUri));
            rabbit.ReceiveEndpoint(DepartmentQueue.Name("erp"), endpoint => endpoint.Handler<AssignWorkItem>(async context =>
            {
                var m = context.Message;
                var now = DateTimeOffset.UtcNow;
                await context.Publish(new WorkItemClaimed { WorkItemId = m.WorkItemId, RequestId = m.RequestId, DepartmentCode = "erp", Sequence = 2, ActorId = "erp-robot", ClaimedAt = now });
                await context.Publish(new WorkItemCompleted
                {
                    WorkItemId = m.WorkItemId, RequestId = m.RequestId, DepartmentCode = "erp", Sequence = 3, ActorId = "erp-robot",
                    ResolutionNote = $"Credit note for '{m.Title}' booked", CompletedAt = now,
                });
            }));
        });
        await erp.StartAsync();
        try
        {
            var (id, client) = await ClaimedBillingItemAsync();
            var item = await (await client.ActAsync("billing", id, "hand-over", new { toDepartmentCode = "erp" })).JsonAsync(HttpStatusCode.OK);
            var newId = item.GetProperty("handedOverAs").GetGuid();

            var completed = await listener.WaitForAsync<WorkItemCompleted>(e => e.WorkItemId == newId);
            Assert.Equal(("erp", 3, "Credit note for 'Invoice charged twice' booked"), (completed.DepartmentCode, completed.Sequence, completed.ResolutionNote));
            Assert.Single(listener.All<WorkItemClaimed>(), e => e.WorkItemId == newId);
            // The departments service does not consume an external department's queue.
            Assert.False(await App.QueryAsync(db => Task.FromResult(db.WorkItems.Any(i => i.Id == newId))));
        }
        finally { await erp.StopAsync(); }
    }

    [Fact]
    public async Task Malformed_messages_on_a_department_queue_go_to_its_error_queue_and_the_queue_keeps_flowing()
    {
        var broker = await TestBroker.Shared;
        var factory = new ConnectionFactory { Uri = new Uri(App.AmqpUri) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
            await channel.BasicPublishAsync("", DepartmentQueue.Name("billing"), false, properties, Encoding.UTF8.GetBytes("{ this is not json"));
        }
        // Well-formed, but for a department that does not exist.
        var wrong = new AssignWorkItem
        {
            WorkItemId = Guid.NewGuid(), RequestId = Guid.NewGuid(), ClientId = Guid.NewGuid(), DepartmentCode = "astrology", Type = "billing",
            Priority = "P3", Title = "Stars", Description = "", AssignedAt = DateTimeOffset.UtcNow,
            DueAt = DateTimeOffset.UtcNow.AddHours(8), AtRiskAt = DateTimeOffset.UtcNow.AddHours(6), ClockRevision = 1,
        };
        var billingQueue = await App.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{DepartmentQueue.Name("billing")}"));
        await billingQueue.Send(wrong);

        var good = await App.QueueWorkItemAsync("billing");
        Assert.True(await App.QueryAsync(db => Task.FromResult(db.WorkItems.Any(i => i.Id == good))));
        await Eventually.TrueAsync(async () =>
            await Management.QueueDepthAsync(broker.ManagementUri, App.VirtualHost, "department-billing_error") == 2, "two messages in department-billing_error");
        Assert.False(await App.QueryAsync(db => Task.FromResult(db.WorkItems.Any(i => i.Id == wrong.WorkItemId))));
    }
}
