using ClientRequests.Departments.Domain;

namespace Departments.Tests;

public sealed class RuleValidationTests
{
    static readonly HashSet<string> Departments = new(StringComparer.OrdinalIgnoreCase) { "billing", "legal", "support" };

    static readonly RoutingRule[] Existing =
    [
        new() { Id = 1, Name = "complaints", Order = 10, RequestType = "complaint", TargetDepartments = ["support"] },
        new() { Id = 2, Name = "urgent billing", Order = 20, RequestType = "billing", Priority = "P1", TargetDepartments = ["billing"] },
    ];

    static Dictionary<string, string[]> Validate(RoutingRule rule) => RuleValidation.Validate(rule, Existing, Departments);

    [Fact]
    public void A_rule_targeting_known_departments_in_a_free_order_is_valid() =>
        Assert.Empty(Validate(new RoutingRule { Name = "contracts", Order = 30, RequestType = "contract-change", TargetDepartments = ["legal", "billing"] }));

    [Fact]
    public void A_rule_targeting_an_unknown_or_deleted_department_names_it()
    {
        var errors = Validate(new RoutingRule { Name = "stars", Order = 30, RequestType = "astrology", TargetDepartments = ["billing", "astrology"] });
        Assert.Contains("'astrology'", Assert.Single(errors["targetDepartments"]));
    }

    [Fact]
    public void A_rule_without_targets_or_name_is_invalid()
    {
        var errors = Validate(new RoutingRule { Name = " ", Order = 30 });
        Assert.Contains("targetDepartments", errors.Keys);
        Assert.Contains("name", errors.Keys);
    }

    [Fact]
    public void A_rule_behind_a_more_general_one_can_never_match()
    {
        var errors = Validate(new RoutingRule { Name = "vip complaints", Order = 15, RequestType = "complaint", ClientTier = "strategic", TargetDepartments = ["legal"] });
        Assert.Contains("can never match", Assert.Single(errors["order"]));
        Assert.Contains("complaints", errors["order"][0]);
    }

    [Fact]
    public void The_same_rule_placed_first_is_valid() =>
        Assert.Empty(Validate(new RoutingRule { Name = "vip complaints", Order = 5, RequestType = "complaint", ClientTier = "strategic", TargetDepartments = ["legal"] }));

    [Fact]
    public void A_catch_all_rule_before_others_would_make_them_unreachable()
    {
        var errors = Validate(new RoutingRule { Name = "everything", Order = 1, TargetDepartments = ["support"] });
        Assert.Contains("unreachable", errors["order"][0]);
        Assert.Empty(Validate(new RoutingRule { Name = "everything else", Order = 99, TargetDepartments = ["support"] }));
    }

    [Fact]
    public void Two_rules_may_not_share_an_order() =>
        Assert.Contains("already has order 20", Validate(new RoutingRule { Name = "x", Order = 20, Tag = "x", TargetDepartments = ["legal"] })["order"][0]);

    [Fact]
    public void Required_skills_come_from_the_first_rule_that_targets_the_department_for_the_type()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, Name = "refunds", Order = 10, RequestType = "billing", Tag = "refund", TargetDepartments = ["billing"], RequiredSkills = ["refunds"] },
            new() { Id = 2, Name = "legal", Order = 20, RequestType = "billing", TargetDepartments = ["legal"], RequiredSkills = ["contracts"] },
        ];
        Assert.Equal(["refunds"], Router.RequiredSkills(rules, "billing", "billing", "P2"));
        Assert.Equal(["contracts"], Router.RequiredSkills(rules, "legal", "BILLING", "P2"));
        Assert.Empty(Router.RequiredSkills(rules, "support", "billing", "P2"));
    }
}
