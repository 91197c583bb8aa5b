using ClientRequests.Requests;
using ClientRequests.Requests.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRequestsServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapRequestsApi();
app.MapRequestsGrpc();

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class RequestsApiMarker;
