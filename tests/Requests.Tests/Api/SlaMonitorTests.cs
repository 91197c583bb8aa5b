using ClientRequests.Messaging.Outbox;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>The SLA monitor on the real database: a breached request is flagged, on its timeline and escalated once.</summary>
public sealed class SlaMonitorTests : IAsyncLifetime
{
    RequestsApp app = null!;

    public async ValueTask InitializeAsync()
    {
        // A calendar that never closes and targets of seconds, so that the clocks run out while the test watches.
        var settings = new Dictionary<string, string?>
        {
            ["Sla:Interval"] = "00:00:00.300",
            ["Sla:Calendar:Open"] = "00:00:00",
            ["Sla:Calendar:Close"] = "23:59:59.9999999",
            ["Sla:Policies:0:Type"] = "*",
            ["Sla:Policies:0:Priority"] = "P2",
            ["Sla:Policies:0:FirstResponse"] = "00:00:01",
            ["Sla:Policies:0:Resolution"] = "00:00:02",
            ["Sla:Departments:billing:Priorities:P2"] = "00:00:02",
        };
        for (var d = 0; d < 7; d++) settings[$"Sla:Calendar:Days:{d}"] = ((DayOfWeek)d).ToString();
        app = await RequestsApp.StartAsync(settings);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_breached_request_is_flagged_put_on_its_timeline_and_escalated_once()
    {
        using var alice = app.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);

        var breached = await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Breached);
        Assert.True(breached.Breached);
        // Several more passes: nothing is raised twice.
        await EventuallyAsync(() => app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("SlaBreached"))), n => n >= 2);
        await Task.Delay(1000);

        var timeline = await TimelineAsync(alice, opened.Id);
        Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaBreached && e.WorkItemId is null);
        Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaBreached && e.DepartmentCode == "billing");
        var escalations = await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains("SlaBreached")).Select(m => m.Body).ToListAsync());
        Assert.Equal(2, escalations.Count);
        Assert.Contains(escalations, b => b.Contains("\"escalateTo\":\"alice\""));
        Assert.Contains(escalations, b => b.Contains("\"escalateTo\":\"department-lead:billing\""));
    }

    [Fact]
    public async Task A_request_of_a_client_handed_over_escalates_to_the_clients_current_manager()
    {
        using var alice = app.ClientFor(DemoUsers.Alice);
        await app.PublishAsync(new ClientRequests.Contracts.Clients.AccountTeamChanged
        {
            ClientId = TestClients.Acme, AccountManagerId = DemoUsers.Mallory.Id, AccountExecutiveIds = [], ChangedBy = "grace",
            ChangedAt = DateTimeOffset.UtcNow.AddSeconds(1),
        });
        var opened = await OpenAsync(alice);

        var escalations = await EventuallyAsync(() => app.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains("SlaBreached") && m.Body.Contains(opened.Id.ToString())).Select(m => m.Body).ToListAsync()),
            bodies => bodies.Any(b => !b.Contains("department-lead")));
        var request = escalations.Single(b => !b.Contains("department-lead"));
        Assert.Contains("\"escalateTo\":\"mallory\"", request);
    }
}
