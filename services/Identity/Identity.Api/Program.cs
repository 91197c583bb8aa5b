using ClientRequests.Identity;
using ClientRequests.Identity.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.UseIdentityPipeline();
app.MapLoginPage();
app.MapAuthorizationEndpoints();

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class IdentityApiMarker;
