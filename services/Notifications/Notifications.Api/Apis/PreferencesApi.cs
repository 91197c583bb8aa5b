using System.Net.Mail;
using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Apis;

/// <summary>The caller's own delivery preferences.</summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/preferences").WithTags("Preferences").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", GetPreferences);
        group.MapPut("/", PutPreferences);
        return group;
    }

    public sealed record PreferencesView(bool InApp, bool Email, string? EmailAddress);

    static async Task<Ok<PreferencesView>> GetPreferences(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var preferences = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return TypedResults.Ok(ToView(preferences ?? Preferences.DefaultFor(userId)));
    }

    static async Task<Results<Ok<PreferencesView>, ValidationProblem>> PutPreferences(PreferencesView body, ClaimsPrincipal user,
        NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Text(body.EmailAddress, "emailAddress", 320, required: false)
            .Require(body.EmailAddress is null || IsMailbox(body.EmailAddress), "emailAddress", "'emailAddress' is not an e-mail address.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var userId = user.UserId();
        var preferences = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null) db.Preferences.Add(preferences = Preferences.DefaultFor(userId));
        preferences.InApp = body.InApp;
        preferences.Email = body.Email;
        preferences.EmailAddress = body.EmailAddress;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(preferences));
    }

    static bool IsMailbox(string text) => MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    static PreferencesView ToView(Preferences p) => new(p.InApp, p.Email, p.EmailAddress);
}
