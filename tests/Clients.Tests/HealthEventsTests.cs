using System.Net;
using ClientRequests.Clients.Apis;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Tests;

/// <summary>The request events reach the consumers through a real broker, shuffled and twice, and the figures come out as a replay computes them.</summary>
public sealed class HealthEventsTests(ClientsApp app) : IClassFixture<ClientsApp>, IAsyncLifetime
{
    IBusControl publisher = null!;

    public async ValueTask InitializeAsync()
    {
        publisher = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(new Uri(app.RabbitMqUri)));
        await publisher.StartAsync();
    }

    public async ValueTask DisposeAsync() => await publisher.StopAsync();

    async Task<(Guid Client, List<object> Events)> PublishFixtureAsync(string name)
    {
        var created = await (await app.ClientFor(DemoUsers.Alice).PostJsonAsync("/api/clients", new { name, industry = "Care" }))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);
        var events = HealthFixture.Events(created.Id, DateTimeOffset.UtcNow);
        // Every event twice (each under its own message id), in an order unlike the one they happened in.
        var copies = events.Concat(events).ToArray();
        new Random(7).Shuffle(copies);
        foreach (var e in copies) await publisher.Publish(e, e.GetType());
        await EventuallyStoredAsync(created.Id, HealthProjection.Replay(events).Count);
        return (created.Id, events);
    }

    async Task EventuallyStoredAsync(Guid client, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SignalCountAsync(client) < expected && DateTime.UtcNow < deadline) await Task.Delay(100);
        // The last copies may still be in flight; they must change nothing, so give them a moment to try.
        await Task.Delay(1000);
        Assert.True(expected == await SignalCountAsync(client),
            $"Expected {expected} signals, found: {string.Join(", ", (await StoredAsync(client)).Select(s => s.Kind))}");
    }

    async Task<int> SignalCountAsync(Guid client)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().HealthSignals.CountAsync(s => s.ClientId == client);
    }

    async Task<List<HealthSignal>> StoredAsync(Guid client)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().HealthSignals.AsNoTracking()
            .Where(s => s.ClientId == client).ToListAsync();
    }

    [Fact]
    public async Task Shuffled_duplicated_events_give_the_figures_of_an_ordered_replay()
    {
        var (client, events) = await PublishFixtureAsync("Health Replay Ltd");

        var view = await (await app.ClientFor(DemoUsers.Alice).GetAsync($"/api/clients/{client}/health")).ReadAsync<ClientHealthView>();

        var expected = ClientHealthView.Of(client, HealthReports.Build(HealthProjection.Replay(events), view.AsOf), view.AsOf);
        Assert.Equal(HealthReportTests.Json(expected), HealthReportTests.Json(view));
        Assert.Equal(("at-risk", 2, 1, 3, 48.0), (view.Band, view.SlaBreaches, view.SlaAtRisk, view.Fulfilled, view.MedianHoursToFulfil));
    }

    [Fact]
    public async Task The_directory_carries_the_same_figures()
    {
        var (client, _) = await PublishFixtureAsync("Health Directory Ltd");

        var reply = await app.DirectoryFor(DemoUsers.Sam).GetClientsAsync(new GetClientsRequest { ClientIds = { client.ToString() } });
        var entry = Assert.Single(reply.Clients);
        Assert.Equal(("at-risk", 4, 2, 0.5, 48.0), (entry.HealthBand, entry.Requests, entry.Complaints, entry.ComplaintShare, entry.MedianHoursToFulfil));
        Assert.Equal((2, 1, 3, -2.5), (entry.SlaBreaches, entry.SlaAtRisk, entry.SatisfactionRatings, entry.SatisfactionTrend));
        Assert.Equal(["complaints", "satisfaction-trend", "sla-breaches", "requests", "ratings"], entry.HealthReasons.Select(r => r.Code));
        Assert.Equal(5, entry.RequestsByMonth.Sum(m => m.Count));
        var acme = (await app.DirectoryFor(DemoUsers.Sam).GetClientsAsync(new GetClientsRequest { ClientIds = { "11111111-1111-1111-1111-111111111111" } })).Clients.Single();
        Assert.False(acme.HasMedianHoursToFulfil || acme.HasSatisfactionTrend);
    }

    [Fact]
    public async Task Rebuilding_from_the_stored_signals_gives_identical_figures_and_repairs_stale_weights()
    {
        var (client, _) = await PublishFixtureAsync("Health Rebuild Ltd");
        var now = DateTimeOffset.UtcNow;
        var before = HealthReportTests.Json(HealthReports.Build(await StoredAsync(client), now));

        // A signal weighed by older rules than today's, as a change to ADR 0012 would leave one.
        var stale = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
            db.HealthSignals.Add(new HealthSignal
            {
                Id = stale, ClientId = Guid.NewGuid(), RequestId = stale, Kind = HealthKinds.Submitted, Detail = "complaint", Priority = "normal",
                Weight = 15, OccurredAt = now,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(DemoUsers.Alice).PostAsync("/api/clients/health/rebuild", null)).StatusCode);
        var rebuilt = await (await app.ClientFor(DemoUsers.Grace).PostAsync("/api/clients/health/rebuild", null)).ReadAsync<HealthRebuildView>();

        Assert.Equal(1, rebuilt.WeightsChanged);
        Assert.Equal(20, await WeightOfAsync(stale));
        Assert.Equal(before, HealthReportTests.Json(HealthReports.Build(await StoredAsync(client), now)));
    }

    async Task<int> WeightOfAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().HealthSignals.FindAsync(id))!.Weight;
    }
}
