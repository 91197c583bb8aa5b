using ClientRequests.Departments;
using ClientRequests.Departments.Apis;
using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDepartmentsServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
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
