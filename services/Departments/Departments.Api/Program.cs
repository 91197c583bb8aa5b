using ClientRequests.Departments;
using ClientRequests.Departments.Apis;
using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDepartmentsServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapOpenApi().AllowAnonymous();
app.MapDepartmentsApi();
app.MapDepartmentsAdminApi();
app.MapRoutingRulesApi();
app.MapQueueApi();
app.MapWorkItemsApi();
app.MapGrpcService<RoutingService>().RequireAuthorization(Policies.AnyUser);
app.MapGrpcService<DirectoryService>().RequireAuthorization(Policies.Reader);

app.Run();

/// <summary>Marks this service's entry point for WebApplicationFactory.</summary>
public partial class DepartmentsApiMarker;
