using ClientRequests.Gateway;
using ClientRequests.Gateway.Console;
using ClientRequests.Gateway.Development;
using ClientRequests.Gateway.GraphQL.Transport;
using ClientRequests.Gateway.Hardening;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddDevelopmentTokens();

var app = builder.Build();

app.UseGraphiQL();
app.UseGatewayPipeline();

app.MapDefaultEndpoints();
app.MapDevelopmentTokens();
app.MapGraphQL();
app.MapWebConsole();
app.MapReverseProxy(proxy => proxy.UseUnbufferedStreams().UseReplicaBalancing());

app.Run();

/// <summary>Marks the gateway's entry point for WebApplicationFactory.</summary>
public partial class GatewayMarker;
