using System.Net;
using System.Net.Http.Headers;
using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Departments.Tests;

/// <summary>The departments service in memory, on a fresh virtual host of the real broker and a real SQLite file.</summary>
public sealed class DepartmentsApp(string amqpUri, IReadOnlyDictionary<string, string?> settings)
    : ServiceApp<DepartmentsApiMarker, DepartmentsDbContext>(amqpUri, settings)
{
    public static async Task<DepartmentsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = await TestBroker.Shared;
        var app = new DepartmentsApp(await broker.NewVirtualHostAsync("departments"), settings ?? new Dictionary<string, string?>());
        await app.WaitUntilReadyAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:RetryLimit", "1");
        builder.UseSetting("Departments:AssignmentSweepInterval", "00:00:00.500");
        base.ConfigureWebHost(builder);
    }

    /// <summary>
    /// What the requests service does: send the work item to the department's queue with its clock. The instants stand in for
    /// the requests service's OLA (sooner for a higher priority); this service only stores what it is sent.
    /// </summary>
    public async Task<Guid> SendWorkItemAsync(string department, string priority = "P3", string type = "billing", Guid? id = null)
    {
        var now = DateTimeOffset.UtcNow;
        var target = TimeSpan.FromHours(priority switch { "P1" => 4, "P2" => 8, "P3" => 16, _ => 40 });
        var message = new AssignWorkItem
        {
            WorkItemId = id ?? Guid.NewGuid(), RequestId = Guid.NewGuid(), ClientId = Guid.NewGuid(), DepartmentCode = department,
            Type = type, Priority = priority, Title = "Invoice charged twice", Description = "Refund please", AssignedAt = now,
            DueAt = now + target, AtRiskAt = now + target * 0.8, ClockRevision = 1,
        };
        var quorum = Services.GetRequiredService<MessagingOptions>().QuorumQueues;
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(DepartmentQueue.Address(department, quorum));
        // Bounded: a send the broker refuses (a queue declared differently) would otherwise retry for ever.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await endpoint.Send(message, timeout.Token);
        return message.WorkItemId;
    }

    /// <summary>Sends a work item and waits until the department's work queue holds it.</summary>
    public async Task<Guid> QueueWorkItemAsync(string department, string priority = "P3", string type = "billing")
    {
        var id = await SendWorkItemAsync(department, priority, type);
        await Eventually.TrueAsync(() => QueryAsync(db => Task.FromResult(db.WorkItems.Any(i => i.Id == id))), $"work item {id} in {department}");
        return id;
    }

    /// <summary>A new agent of <paramref name="department"/>, a member with the given capacity and skills.</summary>
    public async Task<PlatformUser> NewAgentAsync(string department, int capacity = 10, string role = Roles.DepartmentAgent, params string[] skills)
    {
        var user = new PlatformUser($"agent-{Guid.NewGuid():N}"[..20], "An Agent", [role], [department]);
        await QueryAsync(async db =>
        {
            db.Members.Add(new Member { DepartmentCode = department, UserId = user.Id, Name = user.Name, Capacity = capacity, Skills = [.. skills] });
            return await db.SaveChangesAsync();
        });
        return user;
    }
}

/// <summary>One service per test class: tests keep apart by their own work items and agents.</summary>
public sealed class DepartmentsAppFixture : IAsyncLifetime
{
    public DepartmentsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await DepartmentsApp.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after 20 s, naming what it waited for.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
