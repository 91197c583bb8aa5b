using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClientRequests.Notifications.Data;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static ClientRequests.Notifications.Apis.WebhooksApi;
using static Notifications.Tests.Scenario;
using static Notifications.Tests.Webhooks;

namespace Notifications.Tests;

/// <summary>
/// Standard Webhooks secrets on real deliveries: rotation with a grace period, and subscriptions from before the
/// whsec_ form keeping their secret through the migration. The receiver verifies with the StandardWebhooks package.
/// </summary>
public sealed class WebhookSecretTests : IAsyncLifetime
{
    Receiver receiver = null!;

    public async ValueTask InitializeAsync() => receiver = await Receiver.StartAsync();

    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    [Fact]
    public async Task During_a_rotations_grace_a_delivery_verifies_with_the_old_and_the_new_secret_and_without_grace_only_the_new()
    {
        await using var app = await NotificationsApp.StartAsync(FastSettings());
        using var admin = app.ClientFor(DemoUsers.Grace);
        var subscription = await SubscribeAsync(admin, receiver.Url);

        var rotated = await RotateAsync(admin, subscription.Id, new SecretRotation(RotatedSecret, 24));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var view = (await rotated.Content.ReadFromJsonAsync<SubscriptionView>())!;
        Assert.InRange(view.PreviousSecretValidUntil!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(24));
        await app.PublishAsync(Submitted(NewManager()));

        Assert.True(await receiver.CallsEventuallyAsync(c => c.Count == 1, TimeSpan.FromSeconds(20)));
        var duringGrace = receiver.Calls[0];
        // New, old, and new again for the 1.1.2 verifier, which never reads the last of several (ADR 0025).
        Assert.Equal(3, duringGrace.Headers["webhook-signature"].Split(' ').Length);
        Verify(RotatedSecret, duringGrace);
        Verify(Secret, duringGrace);

        // A leaked secret: rotate back to the first secret with no grace; the rotated one stops verifying at once.
        Assert.Equal(HttpStatusCode.OK, (await RotateAsync(admin, subscription.Id, new SecretRotation(Secret, 0))).StatusCode);
        await app.PublishAsync(Submitted(NewManager()));

        Assert.True(await receiver.CallsEventuallyAsync(c => c.Count == 2, TimeSpan.FromSeconds(20)));
        var afterwards = receiver.Calls[1];
        Assert.Single(afterwards.Headers["webhook-signature"].Split(' '));
        Verify(Secret, afterwards);
        Assert.False(Verifies(RotatedSecret, afterwards));
        Assert.Null((await SubscriptionAsync(admin, subscription.Id)).PreviousSecretValidUntil);
    }

    [Theory]
    [InlineData("a-free-text-secret-of-more-than-thirty-two-characters", 24, "secret")]
    [InlineData(null, 24, "secret")]
    [InlineData(RotatedSecret, -1, "graceHours")]
    [InlineData(RotatedSecret, 169, "graceHours")]
    public async Task A_bad_rotation_is_a_400_naming_the_field_and_changes_nothing(string? secret, int grace, string field)
    {
        await using var app = await NotificationsApp.StartAsync(FastSettings());
        using var admin = app.ClientFor(DemoUsers.Grace);
        var subscription = await SubscribeAsync(admin, receiver.Url);

        var response = await RotateAsync(admin, subscription.Id, new SecretRotation(secret, grace));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Null((await SubscriptionAsync(admin, subscription.Id)).PreviousSecretValidUntil);
        Assert.Equal(HttpStatusCode.NotFound, (await RotateAsync(admin, Guid.NewGuid(), new SecretRotation(RotatedSecret, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RotateAsync(app.ClientFor(DemoUsers.Alice), subscription.Id, new SecretRotation(RotatedSecret, 1))).StatusCode);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_subscription_from_before_the_whsec_form_keeps_its_secret_through_the_migration(string provider)
    {
        // Its database as the last release left it: migrated up to the migration before Standard Webhooks, one
        // subscription whose free-text secret every delivery was signed with (as its UTF-8 bytes).
        const string oldSecret = "an-old-free-text-secret-with-ü-of-40-chars";
        var settings = FastSettings();
        var postgres = provider == "PostgreSql" ? (await TestPostgres.Shared).NewDatabase("notifications") : null;
        if (postgres is not null) (settings["Database:Provider"], settings["ConnectionStrings:notifications"]) = ("PostgreSql", postgres);
        var app = new NotificationsApp(await (await TestBroker.Shared).NewVirtualHostAsync("notifications"), settings);
        await using var _ = app;
        var id = Guid.NewGuid();
        await using (var db = OldDatabase(app, postgres))
        {
            await db.GetService<IMigrator>().MigrateAsync("ReplicaSafety");
            if (postgres is null)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "WebhookSubscriptions" ("Id", "EventType", "Url", "Secret", "CreatedBy", "CreatedAt", "Status", "PausedAt")
                    VALUES ({id.ToString().ToUpperInvariant()}, 'request-submitted', {receiver.Url}, {oldSecret}, 'grace', 0, 'Active', NULL)
                    """);
            else
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "WebhookSubscriptions" ("Id", "EventType", "Url", "Secret", "CreatedBy", "CreatedAt", "Status", "PausedAt")
                    VALUES ({id}, 'request-submitted', {receiver.Url}, {oldSecret}, 'grace', {DateTimeOffset.UtcNow}, 'Active', NULL)
                    """);
        }
        SqliteConnection.ClearAllPools();

        await app.WaitUntilReadyAsync();
        await app.PublishAsync(Submitted(NewManager()));

        Assert.True(await receiver.CallsEventuallyAsync(c => c.Count == 1, TimeSpan.FromSeconds(20)));
        Verify("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(oldSecret)), receiver.Calls[0]);
        Assert.Equal(Encoding.UTF8.GetBytes(oldSecret), await app.QueryAsync(db => db.WebhookSubscriptions.Where(s => s.Id == id).Select(s => s.SigningKey).SingleAsync()));
    }

    static NotificationsDbContext OldDatabase(NotificationsApp app, string? postgres)
    {
        if (postgres is not null)
            return new PostgreSqlNotificationsDbContext(new DbContextOptionsBuilder<PostgreSqlNotificationsDbContext>().UseNpgsql(postgres).Options);
        Directory.CreateDirectory(app.DataFolder);
        return new SqliteNotificationsDbContext(new DbContextOptionsBuilder<SqliteNotificationsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "notifications.db")}").Options);
    }

    static Task<HttpResponseMessage> RotateAsync(HttpClient admin, Guid id, SecretRotation rotation) =>
        admin.PostAsJsonAsync($"/api/notifications/webhooks/{id}/secret", rotation);
}
