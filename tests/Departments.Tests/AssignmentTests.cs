using ClientRequests.Departments.Domain;

namespace Departments.Tests;

/// <summary>Load-aware assignment, simulated over many items with the pure chooser.</summary>
public sealed class AssignmentTests
{
    /// <summary>A department's members and the items they hold, as the assigner sees them between passes.</summary>
    sealed class Simulation(params (string Id, int Capacity, string[] Skills)[] members)
    {
        public readonly Dictionary<string, int> Load = members.ToDictionary(m => m.Id, _ => 0);
        public readonly Dictionary<string, int> Total = members.ToDictionary(m => m.Id, _ => 0);
        readonly Dictionary<string, long> turns = members.ToDictionary(m => m.Id, _ => 0L);
        long turn;

        public string? Offer(params string[] requiredSkills)
        {
            var candidates = members.Select(m => new Candidate(m.Id, m.Skills, m.Capacity, Load[m.Id], turns[m.Id]));
            var chosen = Assignment.Choose(candidates, requiredSkills);
            if (chosen is null) return null;
            Load[chosen.UserId]++;
            Total[chosen.UserId]++;
            turns[chosen.UserId] = ++turn;
            Assert.True(Load[chosen.UserId] <= chosen.Capacity, $"{chosen.UserId} holds more than their capacity");
            return chosen.UserId;
        }
    }

    [Fact]
    public void Equal_members_share_1000_items_exactly_evenly_in_round_robin()
    {
        var simulation = new Simulation(("ann", 1000, []), ("ben", 1000, []), ("cid", 1000, []), ("dee", 1000, []));
        var order = Enumerable.Range(0, 1000).Select(_ => simulation.Offer()).ToList();

        Assert.All(simulation.Total.Values, total => Assert.Equal(250, total));
        // Round robin: every window of four consecutive offers reaches all four members.
        for (var i = 0; i + 4 <= order.Count; i += 4) Assert.Equal(4, order.Skip(i).Take(4).Distinct().Count());
    }

    [Fact]
    public void Over_1000_items_with_random_completions_capacity_is_never_exceeded_and_the_work_stays_balanced()
    {
        var random = new Random(42);
        var simulation = new Simulation(("ann", 3, []), ("ben", 3, []), ("cid", 5, []), ("dee", 2, []));
        var waiting = 0;
        for (var item = 0; item < 1000; item++)
        {
            waiting++;
            while (waiting > 0 && simulation.Offer() is not null) waiting--;
            // Somebody finishes an item now and then, freeing capacity for the waiting ones.
            var holders = simulation.Load.Where(l => l.Value > 0).Select(l => l.Key).ToList();
            if (holders.Count > 0 && random.Next(3) > 0) simulation.Load[holders[random.Next(holders.Count)]]--;
        }

        Assert.True(waiting > 0, "the simulation should have filled everyone up at some point");
        var totals = simulation.Total.Values.ToList();
        Assert.Equal(1000 - waiting, totals.Sum());
        // Everyone took a fair share: nobody got less than half of an even split.
        Assert.All(totals, total => Assert.True(total >= (1000 - waiting) / 8, $"an unfair share: {string.Join(", ", totals)}"));
    }

    [Fact]
    public void When_everyone_is_at_capacity_the_item_waits_until_capacity_frees()
    {
        var simulation = new Simulation(("ann", 1, []), ("ben", 1, []));
        Assert.NotNull(simulation.Offer());
        Assert.NotNull(simulation.Offer());
        Assert.Null(simulation.Offer());

        simulation.Load["ben"]--;
        Assert.Equal("ben", simulation.Offer());
    }

    [Fact]
    public void The_least_loaded_member_goes_first_then_the_one_assigned_longest_ago()
    {
        var members = new[]
        {
            new Candidate("ann", [], 10, Load: 3, LastAssignedTurn: 1),
            new Candidate("ben", [], 10, Load: 1, LastAssignedTurn: 9),
            new Candidate("cid", [], 10, Load: 1, LastAssignedTurn: 4),
        };
        Assert.Equal("cid", Assignment.Choose(members, [])!.UserId);
    }

    [Fact]
    public void Only_members_with_every_required_skill_are_offered_the_item()
    {
        var simulation = new Simulation(("ann", 100, ["invoices"]), ("ben", 100, ["invoices", "refunds"]), ("cid", 100, []));
        for (var i = 0; i < 50; i++) Assert.Equal("ben", simulation.Offer("REFUNDS", "invoices"));
        Assert.Null(new Simulation(("ann", 100, ["invoices"])).Offer("contracts"));
    }
}
