using System.Diagnostics;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using static ClientRequests.AccessMatrix.Tests.TeamChangeMatrix;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// Every probe of <see cref="TeamChangeMatrix"/> for every caller, before and after a hand-over and an executive assigned
/// and released; new notifications and held subscriptions follow the same table. A change must show within 5 s (ADR 0029).
/// </summary>
public sealed class TeamChangeMatrixTests(MatrixFixture fixture)
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task What_each_caller_reaches_of_a_clients_request_follows_its_account_team_as_it_changes()
    {
        var executive = new PlatformUser($"mx-time-{Guid.NewGuid():N}"[..20], "Matrix Executive", [Roles.AccountExecutive], []);
        TeamCaller[] callers =
        [
            new("alice (manager, hands over)", Tokens.For(DemoUsers.Alice)),
            new("mallory (manager, takes over)", Tokens.For(DemoUsers.Mallory)),
            new("bob (reports to alice)", Tokens.For(DemoUsers.Bob)),
            new("executive (assigned to mallory, then released)", Tokens.For(executive)),
        ];
        var grace = Tokens.For(DemoUsers.Grace);
        var world = await SeedAsync(callers[0], executive.Id);
        Phase[] phases =
        [
            new("before the hand-over", (_, _) => Task.CompletedTask, Names(callers[0], callers[2])),
            new("after the hand-over to mallory", (f, w) => OkAsync(f, grace, HttpMethod.Put, $"/api/clients/{w.ClientId}/account-manager", new { accountManagerId = "mallory" }),
                Names(callers[1])),
            new("executive assigned to mallory", (f, w) => OkAsync(f, grace, HttpMethod.Put, $"/api/clients/account-executives/{w.Executive}", new { managerId = "mallory" }),
                Names(callers[1], callers[3])),
            new("executive released", (f, w) => OkAsync(f, grace, HttpMethod.Delete, $"/api/clients/account-executives/{w.Executive}"),
                Names(callers[1])),
        ];

        var failures = new List<string>();
        var held = new Dictionary<string, TeamStream>();
        try
        {
            foreach (var phase in phases)
            {
                var changed = Stopwatch.StartNew();
                await phase.Change(fixture, world);
                // The lists are where the change lands last (the requests service's projection): wait for them, within the bound.
                var list = Probes[0];
                foreach (var caller in callers)
                    while (await list.Reaches(fixture, caller, world) != phase.Reach.Contains(caller.Name) && changed.Elapsed < Bound)
                        await Task.Delay(100);
                if (changed.Elapsed >= Bound) failures.Add($"{phase.Name}: not in effect within {Bound}");

                // Streams opened in the phase before: those whose caller lost the request end, the others stay.
                foreach (var (name, stream) in held.ToList())
                    if (!phase.Reach.Contains(name))
                    {
                        var ended = await stream.EndsWithinAsync(Bound);
                        fixture.Tally.Count("team change x subscription held", ended);
                        if (!ended) failures.Add($"{phase.Name}: {name}'s requestUpdated stream did not end");
                        await stream.DisposeAsync();
                        held.Remove(name);
                    }

                foreach (var probe in Probes)
                    foreach (var caller in callers)
                    {
                        var expected = phase.Reach.Contains(caller.Name);
                        var reached = await probe.Reaches(fixture, caller, world);
                        fixture.Tally.Count("team change x probe x caller", reached == expected);
                        if (reached != expected)
                            failures.Add($"{phase.Name}: {probe.Name} for {caller.Name}: expected {(expected ? "reached" : "not reached")}, got the opposite");
                    }
                failures.AddRange(await NotificationsFollowAsync(phase, callers, world, grace));

                foreach (var caller in callers.Where(c => phase.Reach.Contains(c.Name) && !held.ContainsKey(c.Name)))
                {
                    var stream = await TeamStream.OpenAsync(fixture, caller, world.RequestId);
                    await stream.NextDataAsync(TimeSpan.FromSeconds(10));
                    held[caller.Name] = stream;
                }
            }
        }
        finally
        {
            foreach (var stream in held.Values) await stream.DisposeAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>An admin's comment in the phase reaches the team of the phase in the app inbox, and no one else.</summary>
    async Task<List<string>> NotificationsFollowAsync(Phase phase, TeamCaller[] callers, World world, string grace)
    {
        var marker = $"matrix-time-{Guid.NewGuid():N}";
        await OkAsync(fixture, grace, HttpMethod.Post, $"/api/requests/{world.RequestId}/comments", new { text = marker });
        var failures = new List<string>();
        var deadline = Stopwatch.StartNew();
        foreach (var caller in callers.Where(c => phase.Reach.Contains(c.Name)))
        {
            while (!(await InboxAsync(caller)).Contains(marker) && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200);
            var told = (await InboxAsync(caller)).Contains(marker);
            fixture.Tally.Count("team change x notification", told);
            if (!told) failures.Add($"{phase.Name}: {caller.Name} was not told of the comment");
        }
        foreach (var caller in callers.Where(c => !phase.Reach.Contains(c.Name)))
        {
            var told = (await InboxAsync(caller)).Contains(marker);
            fixture.Tally.Count("team change x notification", !told);
            if (told) failures.Add($"{phase.Name}: {caller.Name} was told of the comment, but is not on the team");
        }
        return failures;
    }

    async Task<string> InboxAsync(TeamCaller caller) => (await Http.SendAsync(fixture.Gateway, HttpMethod.Get, "/api/notifications?limit=200", caller.Token)).Body;

    async Task<World> SeedAsync(TeamCaller alice, string executive)
    {
        var client = await OkAsync(fixture, alice.Token, HttpMethod.Post, "/api/clients", new { name = $"Matrix over time {Guid.NewGuid():N}", industry = "Testing" });
        var clientId = client.GetProperty("id").GetGuid();
        var request = await OkAsync(fixture, alice.Token, HttpMethod.Post, "/api/requests", new
        {
            clientId, type = "billing", priority = "P3", title = "Matrix over time", description = "Seeded for the access matrix over time.", departments = new[] { "billing" },
        });
        return new World(clientId, request.GetProperty("id").GetGuid(), executive);
    }

    static async Task<JsonElement> OkAsync(MatrixFixture f, string token, HttpMethod method, string path, object? body = null)
    {
        var reply = await Http.SendAsync(f.Gateway, method, path, token, body);
        if (reply.Status is < 200 or > 299) throw new InvalidOperationException($"{method} {path}: {reply.Status} {reply.Body}");
        return reply.Body.Length == 0 ? default : reply.Json;
    }

    static HashSet<string> Names(params TeamCaller[] callers) => callers.Select(c => c.Name).ToHashSet();
}
