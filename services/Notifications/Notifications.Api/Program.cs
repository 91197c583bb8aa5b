using ClientRequests.Notifications;
using ClientRequests.Notifications.Apis;
using ClientRequests.Notifications.Grpc;
using ClientRequests.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNotificationsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapOpenApi().AllowAnonymous();
app.MapInboxApi();
app.MapStreamApi();
app.MapPreferencesApi();
app.MapWatchApi();
app.MapWebhooksApi();
app.MapGrpcService<InboxService>().RequireAuthorization(Policies.AnyUser);

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class NotificationsApiMarker;
