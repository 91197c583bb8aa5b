using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClientRequests.Requests.Apis;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>/api/sla/policy on the real database: seeded from the settings, validated whole, versioned, followed by open clocks.</summary>
public sealed class SlaPolicyApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    internal static async Task<JsonObject> PolicyAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/sla/policy"))!.AsObject();

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, JsonObject policy, string? ifMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, "/api/sla/policy") { Content = JsonContent.Create(policy) };
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(message);
    }

    /// <summary>The <c>*</c> target of a priority in a policy document read from the API.</summary>
    internal static JsonObject AnyType(JsonObject policy, string priority) => policy["targets"]!.AsArray().Select(t => t!.AsObject())
        .First(t => (string?)t["type"] == "*" && (string?)t["priority"] == priority);

    [Fact]
    public async Task The_first_version_is_the_shipped_settings_and_gives_every_demo_department_an_ola()
    {
        using var frank = App.ClientFor(DemoUsers.Frank);
        // Other tests of the class change the policy: the seed is version 1 whatever ran before.
        var response = await frank.GetAsync("/api/sla/policy/versions/1");
        var policy = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("configuration", (string?)policy["changedBy"]);
        var versions = await frank.GetFromJsonAsync<List<SlaPolicyApi.SlaPolicyVersionSummary>>("/api/sla/policy/versions");
        Assert.Equal(1, versions![^1].Version);
        var current = await frank.GetAsync("/api/sla/policy");
        Assert.Equal($"\"{versions[0].Version}\"", current.Headers.ETag!.Tag);
        Assert.Equal(["billing", "erp", "legal", "support"], policy["departments"]!.AsArray().Select(d => (string)d!["code"]!));
        Assert.All(policy["departments"]!.AsArray(), d => Assert.Equal(4, d!["priorities"]!.AsArray().Count));
        // What the code used to assume when no target was configured is now written down.
        Assert.Equal(("01:00:00", "08:00:00"), ((string?)AnyType(policy, "P1")["firstResponse"], (string?)AnyType(policy, "P1")["resolution"]));
        Assert.Equal("1.16:00:00", (string?)AnyType(policy, "P3")["resolution"]);
        Assert.Equal(("09:00", "17:00", "UTC"), ((string?)policy["calendar"]!["open"], (string?)policy["calendar"]!["close"], (string?)policy["calendar"]!["timeZone"]));
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "zero-target", "targets[0].resolution" },
        { "negative-target", "targets[1].firstResponse" },
        { "unknown-time-zone", "calendar.timeZone" },
        { "closing-before-opening", "calendar.close" },
        { "malformed-holiday", "calendar.holidays[1]" },
        { "unknown-department", "departments[4].code" },
        { "unknown-request-type", "targets[0].type" },
        { "at-risk-of-one", "atRiskFraction" },
        { "at-risk-of-zero", "atRiskFraction" },
        { "department-calendar-without-days", "departments[0].calendar.days" },
        { "empty-target", "targets[1]" },
    };

    static void Break(JsonObject policy, string how)
    {
        var targets = policy["targets"]!.AsArray();
        switch (how)
        {
            case "zero-target": targets[0]!["resolution"] = "00:00:00"; break;
            case "negative-target": targets[1]!["firstResponse"] = "-01:00:00"; break;
            case "unknown-time-zone": policy["calendar"]!["timeZone"] = "Mars/Olympus_Mons"; break;
            case "closing-before-opening": policy["calendar"]!["close"] = "08:30"; break;
            case "malformed-holiday": policy["calendar"]!["holidays"] = new JsonArray("2026-12-25", "2026-02-30"); break;
            case "unknown-department": policy["departments"]!.AsArray().Add(new JsonObject { ["code"] = "astrology", ["resolution"] = "08:00:00" }); break;
            case "unknown-request-type": targets[0]!["type"] = "spaceship"; break;
            case "at-risk-of-one": policy["atRiskFraction"] = 1.0; break;
            case "at-risk-of-zero": policy["atRiskFraction"] = 0; break;
            case "empty-target": targets[1] = null; break;
            case "department-calendar-without-days":
                policy["departments"]![0]!["calendar"] = new JsonObject { ["timeZone"] = "Europe/Paris", ["days"] = new JsonArray(), ["open"] = "08:00", ["close"] = "16:00" };
                break;
        }
    }

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task A_bad_policy_is_a_400_naming_the_field_and_writes_no_version(string how, string field)
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var policy = await PolicyAsync(grace);
        var before = await grace.GetFromJsonAsync<List<SlaPolicyApi.SlaPolicyVersionSummary>>("/api/sla/policy/versions");
        Break(policy, how);

        var problem = await ProblemAsync(await PutAsync(grace, policy), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await grace.GetFromJsonAsync<List<SlaPolicyApi.SlaPolicyVersionSummary>>("/api/sla/policy/versions"));
    }

    [Fact]
    public async Task Only_admins_change_the_policy()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var policy = await PolicyAsync(alice);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(alice, policy)).StatusCode);
    }

    [Fact]
    public async Task A_change_on_a_stale_version_is_a_409_for_the_field_and_a_412_for_if_match_naming_the_current_version()
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var read = await PolicyAsync(grace);
        var version = (int)read["version"]!;
        AnyType(read, "P4")["resolution"] = "3.08:00:00";
        var saved = await PutAsync(grace, read);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal($"\"{version + 1}\"", saved.Headers.ETag!.Tag);

        AnyType(read, "P4")["resolution"] = "4.00:00:00";
        var field = await ProblemAsync(await PutAsync(grace, read), HttpStatusCode.Conflict);
        Assert.Equal((version + 1, version), (field.GetProperty("currentVersion").GetInt32(), field.GetProperty("sentVersion").GetInt32()));
        read.Remove("version");
        var header = await ProblemAsync(await PutAsync(grace, read, $"\"{version}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(version + 1, header.GetProperty("currentVersion").GetInt32());

        var current = await PolicyAsync(grace);
        Assert.Equal((version + 1, "3.08:00:00", "grace"), ((int)current["version"]!, (string?)AnyType(current, "P4")["resolution"], (string?)current["changedBy"]));
    }

    [Fact]
    public async Task A_shorter_P3_target_moves_an_open_P3_requests_resolution_due_at_the_next_pass_and_says_so_on_its_timeline()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var grace = App.ClientFor(DemoUsers.Grace);
        var created = await alice.PostAsJsonAsync("/api/requests", new
        {
            clientId = TestClients.Acme, type = "information", priority = "P3", title = "Which plan are we on?", description = "Asked by the CFO.",
        });
        var opened = (await created.Content.ReadFromJsonAsync<RequestView>())!;
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.Utc);
        var policy = await PolicyAsync(grace);
        var target = SlaText.TryDuration((string?)AnyType(policy, "P3")["resolution"], out var t) ? t : throw new InvalidOperationException();
        Assert.Equal(Second(calendar.Add(opened.SubmittedAt, target)), opened.Sla.ResolutionDueAt);

        var shorter = target / 2;
        AnyType(policy, "P3")["resolution"] = SlaText.Duration(shorter);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(grace, policy)).StatusCode);
        await App.Services.GetServices<IHostedService>().OfType<SlaMonitor>().Single().EvaluateAllAsync(CancellationToken.None);

        var moved = await GetAsync(alice, opened.Id);
        Assert.Equal(Second(calendar.Add(opened.SubmittedAt, shorter)), moved.Sla.ResolutionDueAt);
        var entry = Assert.Single(await TimelineAsync(alice, opened.Id), e => e.Kind == TimelineKinds.SlaPolicyChanged);
        Assert.Equal((opened.Sla.ResolutionDueAt, moved.Sla.ResolutionDueAt),
            (DateTimeOffset.Parse(entry.Before!), DateTimeOffset.Parse(entry.After!)));
        Assert.Contains("resolution", entry.Text);
        // Computing again with the same version and timeline gives the same answer, and says nothing new.
        await App.Services.GetServices<IHostedService>().OfType<SlaMonitor>().Single().EvaluateAllAsync(CancellationToken.None);
        Assert.Equal(moved.Sla.ResolutionDueAt, (await GetAsync(alice, opened.Id)).Sla.ResolutionDueAt);
        Assert.Single(await TimelineAsync(alice, opened.Id), e => e.Kind == TimelineKinds.SlaPolicyChanged);
    }

    [Fact]
    public async Task A_request_closed_before_a_change_keeps_the_clocks_it_was_judged_by()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var grace = App.ClientFor(DemoUsers.Grace);
        var opened = await OpenAsync(alice);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { reason = "Duplicate" })).StatusCode);
        var closed = await GetAsync(alice, opened.Id);

        var policy = await PolicyAsync(grace);
        AnyType(policy, "P2")["resolution"] = "02:00:00";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(grace, policy)).StatusCode);
        // Closed a moment ago, so the monitor's pass still looks at it (for its final verdict) — and leaves it as judged.
        await App.Services.GetServices<IHostedService>().OfType<SlaMonitor>().Single().EvaluateAllAsync(CancellationToken.None);

        var after = await GetAsync(alice, opened.Id);
        Assert.Equal(closed.Sla, after.Sla);
        Assert.DoesNotContain(await TimelineAsync(alice, opened.Id), e => e.Kind == TimelineKinds.SlaPolicyChanged);
    }

    static DateTimeOffset Second(DateTimeOffset instant) => new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
