using ClientRequests.Requests.Grpc;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Dashboard;

/// <summary>
/// <c>dashboard(days)</c>: the requests service aggregates over what the caller may see (one <c>GetDashboard</c> call),
/// and client health comes from the clients service through the batch loader (one <c>GetClients</c> call). ADR 0021.
/// </summary>
public static class DashboardField
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public static void AddDashboard(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<DashboardType>>("dashboard")
            .Description($"Backlog, SLA compliance, cycle times, requests over time and client health over the requests the caller may see; "
                + $"closed work, cycle times and requests over time cover the last 'days' UTC days including today (1 to {MaxDays}).")
            .Argument<IntGraphType>("days", a => a.DefaultValue = DefaultDays)
            .ResolveAsync(async c =>
            {
                var days = c.GetArgument("days", DefaultDays);
                if (days is < 1 or > MaxDays) throw new ExecutionError($"'days' must be between 1 and {MaxDays}.") { Code = "BAD_REQUEST" };
                var reply = await c.RequestServices!.GetRequiredService<RequestDirectory.RequestDirectoryClient>()
                    .GetDashboardAsync(new GetDashboardRequest { Days = days }, cancellationToken: c.CancellationToken);
                return new DashboardNode(days, reply);
            });
}

public sealed record DashboardNode(int Days, GetDashboardReply Reply);
