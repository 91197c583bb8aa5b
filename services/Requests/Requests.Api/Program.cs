using ClientRequests.Requests;
using ClientRequests.Requests.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRequestsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapOpenApi().AllowAnonymous();
app.MapRequestsApi();
app.MapSlaPolicyApi();
app.MapRequestsGrpc();

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class RequestsApiMarker;
