using ClientRequests.Notifications.Domain;

namespace Notifications.Tests;

/// <summary>The pure decision: which channels, and when an e-mail may go, for one user and one event.</summary>
public sealed class DeliveryPlanTests
{
    static readonly TimeOnly DigestAt = new(8, 0);

    static Preferences User(string zone = "UTC", QuietHours? quiet = null, params KindRule[] kinds)
    {
        var preferences = new Preferences { UserId = "pat", TimeZone = zone, Kinds = kinds };
        preferences.SetQuietHours(quiet);
        return preferences;
    }

    static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Without_preferences_a_user_is_told_in_the_app_and_mailed_at_once()
    {
        var now = Utc("2026-06-01T12:00:00");

        var plan = DeliveryPlan.For(Preferences.DefaultFor("pat"), NotificationKinds.WorkItemCompleted, now, DigestAt);

        Assert.Equal(new DeliveryPlan(true, new EmailPlan(now, Digest: false)), plan);
    }

    [Fact]
    public void A_rule_for_the_kind_overrides_the_defaults_and_other_kinds_keep_them()
    {
        var user = User(kinds: new KindRule(NotificationKinds.WorkItemStarted, InApp: false, Email: false, EmailDelivery.Immediate));
        var now = Utc("2026-06-01T12:00:00");

        Assert.Equal(new DeliveryPlan(false, null), DeliveryPlan.For(user, NotificationKinds.WorkItemStarted, now, DigestAt));
        Assert.Equal(new DeliveryPlan(true, new EmailPlan(now, false)), DeliveryPlan.For(user, NotificationKinds.SlaBreached, now, DigestAt));
    }

    [Theory]
    [InlineData("2026-06-01T21:30:00", "2026-06-02T05:00:00")] // 23:30 in Paris (UTC+2): until 07:00 the next morning
    [InlineData("2026-06-01T02:00:00", "2026-06-01T05:00:00")] // 04:00 in Paris, after midnight: until 07:00 the same morning
    [InlineData("2026-06-01T04:59:00", "2026-06-01T05:00:00")] // 06:59: one minute to wait
    [InlineData("2026-06-01T05:00:00", "2026-06-01T05:00:00")] // 07:00: quiet hours are over, at once
    [InlineData("2026-06-01T19:59:00", "2026-06-01T19:59:00")] // 21:59: not yet quiet, at once
    [InlineData("2026-06-01T20:00:00", "2026-06-02T05:00:00")] // 22:00: quiet
    public void Quiet_hours_spanning_midnight_defer_email_to_their_end_in_the_users_zone(string now, string due)
    {
        var user = User("Europe/Paris", new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)));

        var plan = DeliveryPlan.For(user, NotificationKinds.SlaBreached, Utc(now), DigestAt);

        Assert.True(plan.InApp);
        Assert.Equal(new EmailPlan(Utc(due), false), plan.Email);
    }

    [Theory]
    [InlineData("2026-06-01T12:30:00", "2026-06-01T13:00:00")] // 14:30 in Paris: quiet until 15:00
    [InlineData("2026-06-01T13:00:00", "2026-06-01T13:00:00")] // 15:00: over
    [InlineData("2026-06-01T11:59:00", "2026-06-01T11:59:00")] // 13:59: not yet
    public void Quiet_hours_within_one_day_defer_only_inside_them(string now, string due)
    {
        var user = User("Europe/Paris", new QuietHours(new TimeOnly(14, 0), new TimeOnly(15, 0)));

        Assert.Equal(Utc(due), DeliveryPlan.For(user, NotificationKinds.SlaAtRisk, Utc(now), DigestAt).Email!.DueAt);
    }

    [Fact]
    public void Quiet_hours_ending_in_the_hour_the_spring_change_skips_end_at_the_first_moment_after_it()
    {
        // Paris moves from 02:00 CET to 03:00 CEST on 29 March 2026: 02:30 never happens that night.
        var user = User("Europe/Paris", new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30)));

        var plan = DeliveryPlan.For(user, NotificationKinds.SlaBreached, Utc("2026-03-28T23:00:00"), DigestAt);

        Assert.Equal(Utc("2026-03-29T01:00:00"), plan.Email!.DueAt); // 03:00 CEST
    }

    [Fact]
    public void Quiet_hours_ending_in_the_hour_the_autumn_change_repeats_end_at_its_first_occurrence()
    {
        // Paris goes back from 03:00 CEST to 02:00 CET on 25 October 2026: 02:30 happens twice.
        var user = User("Europe/Paris", new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30)));

        var plan = DeliveryPlan.For(user, NotificationKinds.SlaBreached, Utc("2026-10-24T23:00:00"), DigestAt);

        Assert.Equal(Utc("2026-10-25T00:30:00"), plan.Email!.DueAt); // 02:30 CEST, the first time round
    }

    [Theory]
    [InlineData("2026-06-01T11:00:00", "2026-06-01T12:00:00")] // 07:00 in New York (EDT, UTC-4): today at 08:00
    [InlineData("2026-06-01T12:00:00", "2026-06-02T12:00:00")] // 08:00 exactly: the next day's digest
    [InlineData("2026-03-07T14:00:00", "2026-03-08T12:00:00")] // 09:00 EST on Saturday; Sunday 8 March is already EDT
    [InlineData("2026-10-31T13:00:00", "2026-11-01T13:00:00")] // 09:00 EDT on Saturday; Sunday 1 November is EST again
    public void A_digest_kind_waits_for_the_next_digest_hour_in_the_users_zone_across_daylight_saving_changes(string now, string due)
    {
        var user = User("America/New_York", kinds: new KindRule(NotificationKinds.WorkItemStarted, true, true, EmailDelivery.Digest));

        var plan = DeliveryPlan.For(user, NotificationKinds.WorkItemStarted, Utc(now), DigestAt);

        Assert.Equal(new DeliveryPlan(true, new EmailPlan(Utc(due), Digest: true)), plan);
    }

    [Fact]
    public void A_digest_hour_inside_quiet_hours_waits_for_their_end()
    {
        var user = User("UTC", new QuietHours(new TimeOnly(7, 0), new TimeOnly(9, 30)),
            new KindRule(NotificationKinds.WorkItemStarted, true, true, EmailDelivery.Digest));

        var plan = DeliveryPlan.For(user, NotificationKinds.WorkItemStarted, Utc("2026-06-01T15:00:00"), DigestAt);

        Assert.Equal(new EmailPlan(Utc("2026-06-02T09:30:00"), true), plan.Email);
    }

    [Fact]
    public void A_time_zone_that_left_the_system_counts_as_utc_rather_than_failing_the_event()
    {
        var user = User("Mars/Olympus_Mons", new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)));

        var plan = DeliveryPlan.For(user, NotificationKinds.SlaBreached, Utc("2026-06-01T23:00:00"), DigestAt);

        Assert.Equal(Utc("2026-06-02T07:00:00"), plan.Email!.DueAt);
    }
}
