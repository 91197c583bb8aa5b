using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Gateway.GraphQL.Types;
using ClientRequests.ServiceDefaults.Paging;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Console;

/// <summary>
/// What the web console reads beyond the original schema (ADR 0020): the caller's own clients, the departments the
/// routing rules suggest for a new request, and a department's load per member.
/// </summary>
public static class ConsoleQueries
{
    public sealed record ClientRow(Guid Id);

    public static void AddConsoleQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ClientConnectionType>>("myClients")
            .Description($"The clients in the caller's book (account team) or every client (admin, analyst), oldest registration first, {PageSize.Max} at most per page.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageSize.Default)
            .Argument<StringGraphType>("after")
            .WithComplexityImpact(PageSize.Cost)
            .ResolveAsync(async c =>
            {
                var first = PageSize.First(c);
                var after = c.GetArgument<string?>("after");
                var http = c.RequestServices!.GetRequiredService<IHttpClientFactory>().CreateClient(ConsoleServices.ClientsRest);
                var path = $"api/clients?limit={first}" + (string.IsNullOrEmpty(after) ? "" : $"&after={Uri.EscapeDataString(after)}");
                var page = await Rest.GetAsync<Page<ClientRow>>(http, path, c.CancellationToken);
                var loader = c.RequestServices!.GetRequiredService<ClientLoader>();
                var clients = new List<Clients.Grpc.ClientEntry>();
                foreach (var result in page.Items.Select(row => loader.Load(row.Id.ToString())).ToList())
                    if (await result.GetResultAsync(c.CancellationToken) is { } client) clients.Add(client);
                return new ClientPage(clients, page.NextCursor ?? "");
            });

        query.Field<NonNullGraphType<RouteSuggestionType>>("suggestDepartments")
            .Description("The departments the routing rules would send a request of this kind to.")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<StringGraphType>>("priority")
            .Argument<IdGraphType>("clientId", a => a.Description = "Its tier takes part in routing.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("tags")
            .ResolveAsync(async c =>
            {
                var ask = new ResolveRouteRequest { RequestType = c.GetArgument<string>("type"), Priority = c.GetArgument<string>("priority") };
                ask.Tags.AddRange(c.GetArgument<List<string>?>("tags") ?? []);
                if (c.GetArgument<string?>("clientId") is { } clientId
                    && await c.RequestServices!.GetRequiredService<ClientLoader>().Load(clientId).GetResultAsync(c.CancellationToken) is { } client)
                    ask.ClientTier = client.Tier;
                return await c.RequestServices!.GetRequiredService<DepartmentRouting.DepartmentRoutingClient>()
                    .ResolveAsync(ask, cancellationToken: c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberLoadType>>>>("departmentLoad")
            .Description("What each member of a department holds against their capacity; staff of that department only.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async c =>
            {
                var reply = await c.RequestServices!.GetRequiredService<DepartmentDirectory.DepartmentDirectoryClient>()
                    .GetLoadAsync(new GetLoadRequest { DepartmentCode = c.GetArgument<string>("code") }, cancellationToken: c.CancellationToken);
                return reply.Members;
            });
    }
}

public sealed class RouteSuggestionType : ObjectGraphType<ResolveRouteReply>
{
    public RouteSuggestionType()
    {
        Name = "RouteSuggestion";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutedDepartmentType>>>>("departments").Resolve(c => c.Source.Departments);
        Field<StringGraphType>("matchedRule").Resolve(c => c.Source.MatchedRule.Length == 0 ? null : c.Source.MatchedRule);
    }
}

public sealed class RoutedDepartmentType : ObjectGraphType<RoutedDepartment>
{
    public RoutedDepartmentType()
    {
        Name = "RoutedDepartment";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("managed").Resolve(c => c.Source.Managed);
    }
}
