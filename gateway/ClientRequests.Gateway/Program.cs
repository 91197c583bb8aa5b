using ClientRequests.Gateway;
using ClientRequests.Gateway.Development;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDevelopmentTokens();
app.MapReverseProxy();

app.Run();

/// <summary>Marks the gateway's entry point for WebApplicationFactory.</summary>
public partial class GatewayMarker;
