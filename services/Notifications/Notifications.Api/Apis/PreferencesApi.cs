using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Apis;

/// <summary>The caller's own delivery preferences: defaults, rules per event kind, time zone and quiet hours.</summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/preferences").WithTags("Preferences").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", GetPreferences);
        group.MapPut("/", PutPreferences);
        return group;
    }

    /// <summary>Times are local "HH:mm" in <paramref name="TimeZone"/>; delivery is "immediate" or "digest".</summary>
    public sealed record PreferencesView(bool InApp, bool Email, string? EmailAddress, string TimeZone, QuietHoursView? QuietHours,
        IReadOnlyDictionary<string, KindView> Kinds);
    public sealed record QuietHoursView(string Start, string End);
    public sealed record KindView(bool InApp, bool Email, string Delivery);

    /// <summary>A PUT replaces everything: what is left out takes its default.</summary>
    public sealed record PreferencesInput(bool? InApp = null, bool? Email = null, string? EmailAddress = null, string? TimeZone = null,
        QuietHoursInput? QuietHours = null, Dictionary<string, KindInput?>? Kinds = null);
    public sealed record QuietHoursInput(string? Start, string? End);
    public sealed record KindInput(bool? InApp = null, bool? Email = null, string? Delivery = null);

    static async Task<Ok<PreferencesView>> GetPreferences(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var preferences = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return TypedResults.Ok(ToView(preferences ?? Preferences.DefaultFor(userId)));
    }

    static async Task<Results<Ok<PreferencesView>, ValidationProblem>> PutPreferences(PreferencesInput body, ClaimsPrincipal user,
        NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Text(body.EmailAddress, "emailAddress", 320, required: false)
            .Require(body.EmailAddress is null || IsMailbox(body.EmailAddress), "emailAddress", "'emailAddress' is not an e-mail address.");
        var zone = TimeZoneInfo.Utc;
        if (body.TimeZone is not null)
            errors.Require(body.TimeZone.Length <= 64 && LocalTime.TryFindZone(body.TimeZone, out zone), "timeZone",
                $"'timeZone' is not a time zone this service knows (an IANA id such as Europe/Paris).");
        var quiet = ReadQuietHours(body.QuietHours, errors);
        var kinds = ReadKinds(body.Kinds, errors, body.InApp ?? true, body.Email ?? true);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var userId = user.UserId();
        var preferences = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null) db.Preferences.Add(preferences = Preferences.DefaultFor(userId));
        preferences.InApp = body.InApp ?? true;
        preferences.Email = body.Email ?? true;
        preferences.EmailAddress = body.EmailAddress;
        preferences.TimeZone = body.TimeZone is null ? Preferences.DefaultTimeZone : zone.Id;
        preferences.SetQuietHours(quiet);
        preferences.Kinds = kinds;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(preferences));
    }

    static QuietHours? ReadQuietHours(QuietHoursInput? input, FieldErrors errors)
    {
        if (input is null) return null;
        var start = ReadTime(input.Start, "quietHours.start", errors);
        var end = ReadTime(input.End, "quietHours.end", errors);
        if (start is null || end is null) return null;
        errors.Require(start != end, "quietHours.end", "'quietHours.end' must differ from 'quietHours.start'; leave 'quietHours' out for none.");
        return new QuietHours(start.Value, end.Value);
    }

    static TimeOnly? ReadTime(string? text, string field, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Require(false, field, $"'{field}' must be a local time as HH:mm (00:00 to 23:59).");
        return null;
    }

    static List<KindRule> ReadKinds(Dictionary<string, KindInput?>? input, FieldErrors errors, bool inApp, bool email)
    {
        var rules = new List<KindRule>();
        foreach (var (kind, rule) in input ?? [])
        {
            var field = $"kinds.{kind}";
            if (!NotificationKinds.ForUsers.Contains(kind))
            {
                errors.Require(false, field, $"'{kind}' is not an event kind; known kinds: {string.Join(", ", NotificationKinds.ForUsers)}.");
                continue;
            }
            if (rule is null)
            {
                errors.Require(false, field, $"'{field}' needs a value; leave the kind out for the defaults.");
                continue;
            }
            var delivery = rule.Delivery?.ToLowerInvariant() switch
            {
                null or "immediate" => EmailDelivery.Immediate,
                "digest" => EmailDelivery.Digest,
                _ => (EmailDelivery?)null,
            };
            errors.Require(delivery is not null, $"{field}.delivery", $"'{field}.delivery' must be 'immediate' or 'digest'.");
            rules.Add(new KindRule(kind, rule.InApp ?? inApp, rule.Email ?? email, delivery ?? EmailDelivery.Immediate));
        }
        return rules;
    }

    static bool IsMailbox(string text) => MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    static PreferencesView ToView(Preferences p) => new(p.InApp, p.Email, p.EmailAddress, p.TimeZone,
        p.QuietHours is { } quiet ? new QuietHoursView(quiet.Start.ToString("HH:mm", CultureInfo.InvariantCulture), quiet.End.ToString("HH:mm", CultureInfo.InvariantCulture)) : null,
        p.Kinds.ToDictionary(k => k.Kind, k => new KindView(k.InApp, k.Email, k.Delivery == EmailDelivery.Digest ? "digest" : "immediate")));
}
