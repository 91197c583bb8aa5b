using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ClientRequests.Departments.Apis;
using ClientRequests.Departments.Domain;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace Departments.Benchmarks;

/// <summary>
/// Agents at once, each listing the queued items and claiming one of the first page at random, so they collide
/// as real agents do. Counts wins and 409s, and checks that no item was claimed twice.
/// </summary>
static class ClaimBenchmark
{
    public static async Task<bool> RunAsync(BenchApp app, string code, int agents, int items)
    {
        var wins = new ConcurrentBag<Guid>();
        var conflicts = 0;
        var others = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, agents).Select(n => Task.Run(async () =>
        {
            using var client = app.ClientFor(Seeder.Agent(code, n));
            var random = new Random(n);
            while (true)
            {
                var page = await client.GetFromJsonAsync<Page<WorkItemView>>($"/api/departments/{code}/queue?status=Queued&limit=20");
                if (page!.Items.Count == 0) return;
                var item = page.Items[random.Next(page.Items.Count)];
                var response = await client.PostAsync($"/api/departments/{code}/queue/{item.Id}/claim", null);
                if (response.StatusCode == HttpStatusCode.OK) wins.Add(item.Id);
                else if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref conflicts);
                else Interlocked.Increment(ref others);
            }
        })));
        watch.Stop();

        var distinctWins = wins.Distinct().Count();
        var claimedInDb = await app.QueryAsync(db => db.WorkItems.CountAsync(i => i.DepartmentCode == code && i.Status == WorkItemStatus.Claimed));
        var claimEvents = await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("WorkItemClaimed")));
        var doubles = wins.Count - distinctWins;
        Console.WriteLine($"{agents} agents claimed {distinctWins:N0} of {items:N0} items in {watch.Elapsed.TotalSeconds:F1} s: " +
            $"{distinctWins / watch.Elapsed.TotalSeconds:F0} claims/s, {conflicts:N0} lost races (409), {others} other answers, " +
            $"{doubles} double claims; {claimedInDb:N0} claimed in the database, {claimEvents:N0} WorkItemClaimed events in the outbox");
        return doubles == 0 && others == 0 && distinctWins == items && claimedInDb == items && claimEvents == items;
    }
}
