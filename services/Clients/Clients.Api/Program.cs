using ClientRequests.Clients;
using ClientRequests.Clients.Apis;
using ClientRequests.Clients.Grpc;
using ClientRequests.Clients.Names;
using ClientRequests.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddClientsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseMiddleware<PeopleRecorder>();
app.MapOpenApi().AllowAnonymous();
app.MapClientsApi();
app.MapContactsApi();
app.MapAccountTeamApi();
app.MapClientHealthApi();
app.MapGrpcService<ClientDirectoryService>().RequireAuthorization(Policies.AnyUser);

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class ClientsApiMarker;
