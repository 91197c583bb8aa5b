using ClientRequests.Departments.Domain;

namespace Departments.Tests;

public sealed class RouterTests
{
    static readonly RoutingRule[] Rules =
    [
        new() { Name = "vip complaints", Order = 5, RequestType = "complaint", ClientTier = "strategic", TargetDepartments = ["support", "billing"] },
        new() { Name = "complaints", Order = 10, RequestType = "complaint", TargetDepartments = ["support"] },
        new() { Name = "urgent legal", Order = 20, Tag = "legal", Priority = "P1", TargetDepartments = ["legal", "legal"] },
    ];

    static RouteQuery Query(string type = "need", string priority = "P3", string tier = "standard", params string[] tags) =>
        new(type, priority, tier, tags);

    [Fact]
    public void The_first_matching_rule_in_order_wins()
    {
        var decision = Router.Resolve(Rules, Query("complaint", tier: "strategic"), "support");
        Assert.Equal("vip complaints", decision.MatchedRule);
        Assert.Equal(["support", "billing"], decision.DepartmentCodes);
    }

    [Fact]
    public void Every_condition_of_a_rule_must_match()
    {
        Assert.Equal("complaints", Router.Resolve(Rules, Query("complaint", tier: "key"), "support").MatchedRule);
        Assert.Equal("default", Router.Resolve(Rules, Query(priority: "P2", tags: "legal"), "support").MatchedRule);
        Assert.Equal("urgent legal", Router.Resolve(Rules, Query(priority: "P1", tags: "LEGAL"), "support").MatchedRule);
    }

    [Fact]
    public void A_rule_naming_a_department_twice_routes_there_once() =>
        Assert.Equal(["legal"], Router.Resolve(Rules, Query(priority: "P1", tags: "legal"), "support").DepartmentCodes);

    [Fact]
    public void Without_a_match_the_default_department_takes_the_request()
    {
        var decision = Router.Resolve(Rules, Query("information"), "support");
        Assert.Equal(["support"], decision.DepartmentCodes);
        Assert.Equal("default", decision.MatchedRule);
    }
}
