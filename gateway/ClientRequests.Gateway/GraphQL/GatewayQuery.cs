using ClientRequests.Clients.Grpc;
using ClientRequests.Gateway.GraphQL.Console;
using ClientRequests.Gateway.GraphQL.Dashboard;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL;

public sealed class GatewayQuery : ObjectGraphType
{
    public const int MaxClients = 100;

    public GatewayQuery()
    {
        Name = "Query";
        Field<RequestType>("request")
            .Description("A request by id; null when it does not exist or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.RequestServices!.GetRequiredService<RequestLoader>().Load(c.GetArgument<string>("id"))
                .Then(entry => entry is null ? null : new RequestNode(entry, HasWorkItems: true)));

        Field<NonNullGraphType<RequestConnectionType>>("requests")
            .Description($"Requests the caller may see, newest first, {PageSize.Max} at most per page.")
            .Argument<RequestFilterInputType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageSize.Default)
            .Argument<StringGraphType>("after")
            .WithComplexityImpact(PageSize.Cost)
            .ResolveAsync(async c =>
            {
                var first = PageSize.First(c);
                var filter = c.GetArgument<ListRequestsRequest?>("filter") ?? new ListRequestsRequest();
                filter.Limit = first;
                filter.After = c.GetArgument<string?>("after") ?? "";
                var reply = await c.RequestServices!.GetRequiredService<RequestDirectory.RequestDirectoryClient>()
                    .ListRequestsAsync(filter, cancellationToken: c.CancellationToken);
                return new RequestPage(reply.Requests.Select(r => new RequestNode(r, HasWorkItems: false)).ToList(), reply.NextCursor);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("clients")
            .Description($"Clients by id ({MaxClients} at most), in the order asked; unknown ids are left out.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .WithComplexityImpact(1, MaxClients)
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids").Distinct().ToList();
                if (ids.Count > MaxClients) throw new ExecutionError($"Ask for at most {MaxClients} clients at once.") { Code = "BAD_REQUEST" };
                // The directory answers any signed-in caller; a root query lists only the clients the caller may read.
                var readable = await ReadableAsync(c, ids);
                var loader = c.RequestServices!.GetRequiredService<ClientLoader>();
                var results = ids.Where(readable.Contains).Select(loader.Load).ToList();
                var clients = new List<ClientEntry>();
                foreach (var result in results)
                    if (await result.GetResultAsync(c.CancellationToken) is { } client) clients.Add(client);
                return clients;
            });

        Field<ClientType>("client")
            .Description("A client whole (the client 360, ADR 0035); null when it does not exist, the caller may not read it, or the caller is department staff (ADR 0030).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                if (!ClientRecordAccess.Reads(c.User) || !(await ReadableAsync(c, [id])).Contains(id)) return null;
                return await c.RequestServices!.GetRequiredService<ClientLoader>().Load(id).GetResultAsync(c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartmentType>>>>("departments")
            // A platform has about ten departments; each asks for its queue page and load in one call per level.
            .WithComplexityImpact(1, 10)
            .Resolve(c => c.RequestServices!.GetRequiredService<DepartmentLoader>().Load(DepartmentLoader.All)
                .Then(all => all ?? []));

        Field<DepartmentType>("department")
            .Description("A department by code; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c => c.RequestServices!.GetRequiredService<DepartmentLoader>().Load(c.GetArgument<string>("code"))
                .Then(found => found?.FirstOrDefault()));

        Field<QueueType>("queue")
            .Description("The first page of a department's work queue; agents see only their own departments (admins all).")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .WithComplexityImpact(1, 50)
            .Resolve(c =>
            {
                var code = c.GetArgument<string>("code");
                // The service leaves foreign departments out of a batch; asked for by name, the caller learns why, as over REST.
                if (!c.User!.IsAdmin() && !c.User!.DepartmentCodes().Contains(code))
                    throw new ExecutionError($"You do not work in department '{code}'.") { Code = "FORBIDDEN" };
                return c.RequestServices!.GetRequiredService<QueueLoader>().Load(code);
            });

        Field<NonNullGraphType<SlaPolicyType>>("slaPolicy")
            .Description("The SLA policy in effect (targets, OLAs, calendars) and its version; over the requests service's REST API (ADR 0032).")
            .ResolveAsync(async c => await Rest.GetAsync<System.Text.Json.JsonElement>(
                c.RequestServices!.GetRequiredService<IHttpClientFactory>().CreateClient(Rest.Requests), "api/sla/policy", c.CancellationToken));

        Field<NonNullGraphType<MeType>>("me").Resolve(c => c.User);
        this.AddDashboard();
        this.AddConsoleQueries();
    }

    internal static async Task<HashSet<string>> ReadableAsync(IResolveFieldContext c, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var user = c.User!;
        var roles = user.FindAll(PlatformClaims.Role).Select(r => r.Value).ToList();
        var ask = new CheckAccessRequest();
        ask.Queries.AddRange(ids.Select(id => new AccessQuery { UserId = user.UserId(), ClientId = id, Roles = { roles } }));
        var reply = await c.RequestServices!.GetRequiredService<ClientDirectory.ClientDirectoryClient>()
            .CheckAccessAsync(ask, cancellationToken: c.CancellationToken);
        return reply.Answers.Where(a => a.MayRead).Select(a => a.ClientId).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
