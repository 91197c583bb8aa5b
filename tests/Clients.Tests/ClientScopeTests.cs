using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Security;

namespace Clients.Tests;

public sealed class ClientScopeTests
{
    [Fact]
    public void A_manager_sees_acts_for_and_manages_only_their_own_book()
    {
        var scope = ClientScope.For("alice", [Roles.AccountManager], null);
        Assert.True(scope.ActsFor("alice") && scope.ManagesTeamOf("alice"));
        Assert.False(scope.Sees("mallory") || scope.ManagesTeamOf("mallory"));
    }

    [Fact]
    public void An_executive_acts_for_their_managers_book_but_does_not_manage_the_team()
    {
        var scope = ClientScope.For("bob", [Roles.AccountExecutive], "alice");
        Assert.True(scope.ActsFor("alice"));
        Assert.False(scope.ManagesTeamOf("alice") || scope.Sees("mallory") || scope.Sees("bob"));
    }

    [Fact]
    public void An_executive_reporting_to_nobody_sees_nothing()
    {
        var scope = ClientScope.For("zoe", [Roles.AccountExecutive], null);
        Assert.False(scope.Sees("alice") || scope.Sees("zoe") || scope.SeesAll);
    }

    [Fact]
    public void An_analyst_reads_everything_and_acts_for_nothing()
    {
        var scope = ClientScope.For("frank", [Roles.Analyst], null);
        Assert.True(scope.Sees("alice") && scope.Sees("mallory"));
        Assert.False(scope.ActsFor("alice") || scope.ManagesTeamOf("alice"));
    }

    [Fact]
    public void An_admin_does_everything_and_department_staff_nothing()
    {
        var admin = ClientScope.For("grace", [Roles.Admin], null);
        Assert.True(admin.ActsFor("alice") && admin.ManagesTeamOf("mallory"));
        var agent = ClientScope.For("carol", [Roles.DepartmentAgent], null);
        Assert.False(agent.Sees("alice") || agent.ActsFor("alice"));
    }
}
