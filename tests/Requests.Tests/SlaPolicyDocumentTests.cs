using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;

namespace Requests.Tests;

/// <summary>The policy as data: the seed says what the settings said, validation names fields, a new version recomputes purely.</summary>
public sealed class SlaPolicyDocumentTests
{
    static readonly string[] Types = ["billing", "information"];

    static SlaOptions Shipped() => new()
    {
        Departments = new(StringComparer.OrdinalIgnoreCase)
        {
            ["billing"] = new() { Priorities = { [Priority.P2] = TimeSpan.FromHours(8) } },
            ["legal"] = new() { Resolution = TimeSpan.FromHours(12), Calendar = new CalendarOptions { TimeZone = "Europe/Paris" } },
        },
        Policies = [new PolicyOptions { Type = "billing", Priority = Priority.P1, Resolution = TimeSpan.FromHours(4) }],
    };

    [Fact]
    public void The_seed_gives_the_targets_the_settings_and_the_built_in_defaults_gave()
    {
        var document = Shipped().ToDocument();
        Assert.Empty(SlaPolicyValidation.Validate(document, Types));
        var rules = SlaRules.From(document);

        Assert.Equal(new SlaPolicy(null, TimeSpan.FromHours(4), 0.8), rules.PolicyFor("billing", Priority.P1));
        Assert.Equal(new SlaPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(8), 0.8), rules.PolicyFor("information", Priority.P1));
        Assert.Equal(TimeSpan.FromHours(80), rules.PolicyFor("information", Priority.P4).Resolution);
        Assert.Equal(TimeSpan.FromHours(8), rules.DepartmentTargets(Priority.P2)("billing").Resolution);
        Assert.Equal(TimeSpan.FromHours(4), rules.DepartmentTargets(Priority.P1)("billing").Resolution);   // Sla:Ola default
        Assert.Equal(TimeSpan.FromHours(12), rules.DepartmentTargets(Priority.P3)("legal").Resolution);
        Assert.Equal("Europe/Paris", rules.CalendarOf("legal").Zone.Id);
        Assert.Equal(TimeSpan.FromHours(64), rules.DepartmentTargets(Priority.P4)("erp").Resolution);
        Assert.Same(rules.Calendar, rules.CalendarOf("erp"));
    }

    [Fact]
    public void A_priority_without_a_target_for_every_type_is_refused_so_every_request_has_a_clock()
    {
        var document = Shipped().ToDocument();
        var errors = SlaPolicyValidation.Validate(document with { Targets = document.Targets!.Where(t => t.Priority != "P2").ToList() }, Types);
        Assert.Contains("P2", Assert.Single(errors).Value[0]);
        Assert.Equal("targets", errors.Keys.Single());
    }

    [Fact]
    public void A_policy_change_recomputes_an_open_clock_the_same_way_every_time()
    {
        var start = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);   // a Thursday, 10:00 UTC
        var timeline = new[] { new TimelineEntry { Id = Guid.CreateVersion7(start), RequestId = Guid.NewGuid(), At = start, Kind = TimelineKinds.Submitted, ActorId = "alice" } };
        var before = SlaRules.From(Shipped().ToDocument());
        var document = Shipped().ToDocument();
        var shorter = document with
        {
            Targets = document.Targets!.Select(t => t is { Type: "*", Priority: "P3" } ? t with { Resolution = "20:00:00" } : t).ToList(),
        };
        var after = SlaRules.From(shorter);
        var now = start.AddHours(2);

        SlaReport Evaluate(SlaRules rules) =>
            SlaEngine.Evaluate(timeline, rules.PolicyFor("information", Priority.P3), rules.Calendar, rules.DepartmentTargets(Priority.P3), now);

        // 40 business hours from Thursday 10:00 is the next Thursday 10:00; 20 hours is Monday 14:00 (7 + 8 + 5, the weekend excluded).
        Assert.Equal(start.AddDays(7), Evaluate(before).Resolution.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), Evaluate(after).Resolution.DueAt);
        Assert.Equal(Evaluate(after).Resolution, Evaluate(after).Resolution);
    }
}
