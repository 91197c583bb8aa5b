using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Grpc;

/// <summary>Answers the requests service's question: which departments must act on this request?</summary>
public sealed class RoutingService(DepartmentsDbContext db, IConfiguration configuration) : DepartmentRouting.DepartmentRoutingBase
{
    public override async Task<ResolveRouteReply> Resolve(ResolveRouteRequest request, ServerCallContext context)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, context.CancellationToken);
        var reply = new ResolveRouteReply();

        RoutingDecision route;
        if (request.ExplicitDepartmentCodes.Count > 0)
        {
            reply.UnknownDepartmentCodes.AddRange(request.ExplicitDepartmentCodes.Where(code => !departments.ContainsKey(code)));
            route = new RoutingDecision(request.ExplicitDepartmentCodes.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), "explicit");
        }
        else
        {
            var rules = await db.RoutingRules.AsNoTracking().ToListAsync(context.CancellationToken);
            var query = new RouteQuery(request.RequestType, request.Priority, request.ClientTier, request.Tags);
            route = Router.Resolve(rules, query, configuration["Routing:DefaultDepartment"] ?? "support");
        }

        reply.MatchedRule = route.MatchedRule;
        foreach (var code in route.DepartmentCodes)
        {
            if (departments.TryGetValue(code, out var department))
                reply.Departments.Add(new RoutedDepartment { Code = department.Code, Name = department.Name, Managed = department.Mode == DepartmentMode.Managed });
        }
        return reply;
    }
}
