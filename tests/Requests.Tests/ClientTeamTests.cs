using ClientRequests.Requests.Domain.Teams;

namespace Requests.Tests;

public sealed class ClientTeamTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newer_team_replaces_the_members_and_an_older_one_changes_nothing()
    {
        var team = new ClientTeam { ClientId = Guid.NewGuid() };
        Assert.True(team.Apply("alice", ["bob"], T0));
        Assert.Equal(["alice", "bob"], team.Members.Select(m => m.UserId).Order());

        Assert.True(team.Apply("mallory", [], T0.AddMinutes(2)));
        Assert.False(team.Apply("alice", ["bob"], T0.AddMinutes(1)));
        Assert.Equal("mallory", team.AccountManagerId);
        Assert.Equal(["mallory"], team.Members.Select(m => m.UserId));
        Assert.True(team.Includes("mallory"));
        Assert.False(team.Includes("alice"));
    }

    [Fact]
    public void The_same_team_announced_again_is_no_change_and_blanks_and_repeats_are_dropped()
    {
        var team = new ClientTeam { ClientId = Guid.NewGuid() };
        team.Apply("alice", ["bob", "bob", " ", "alice"], T0);
        Assert.Equal(["alice", "bob"], team.Members.Select(m => m.UserId).Order());
        Assert.False(team.Apply("alice", ["bob"], T0.AddSeconds(1)));
        Assert.Equal(T0.AddSeconds(1), team.AsOf);
    }

    [Theory]
    [InlineData("admin", true, false, true)]
    [InlineData("analyst", true, false, false)]
    [InlineData("account-manager", false, true, false)]
    [InlineData("department-agent", false, false, false)]
    public void A_scope_sees_by_role_team_and_department(string role, bool seesAnyRequest, bool seesOnlyOnTeam, bool acts)
    {
        var scope = new RequestScope("u", SeesAll: role is "admin" or "analyst",
            role == "department-agent" ? new HashSet<string> { "billing" } : new HashSet<string>(), OnAccountTeams: role == "account-manager",
            IsAdmin: role == "admin");
        Assert.Equal(seesAnyRequest, scope.Sees(onClientTeam: false, ["legal"]));
        Assert.Equal(seesAnyRequest || seesOnlyOnTeam, scope.Sees(onClientTeam: true, ["legal"]));
        Assert.Equal(role is "admin" or "analyst" or "department-agent", scope.Sees(onClientTeam: false, ["billing"]));
        Assert.Equal(acts, scope.ActsFor(onClientTeam: false));
        Assert.Equal(acts || role == "account-manager", scope.ActsFor(onClientTeam: true));
    }
}
