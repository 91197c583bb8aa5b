using ClientRequests.Clients.Grpc;
using ClientRequests.Gateway.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>
/// A client as the clients service records it, and — for the client 360 (ADR 0035) — its contacts and what the requests
/// service holds of it. Each part is one batched call per level, with the caller's token, so each service applies the
/// visibility rule itself: a part the caller may not see is empty.
/// </summary>
public sealed class ClientType : ObjectGraphType<ClientEntry>
{
    public ClientType()
    {
        Name = "Client";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("tier").Resolve(c => c.Source.Tier);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<AccountTeamType>>("accountTeam").Resolve(c => c.Source);
        Field<NonNullGraphType<ClientHealthType>>("health").Resolve(c => c.Source);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactType>>>>("contacts")
            .Description("The people at the client the team talks to, by name: one call for every client of the level.")
            // A client has a handful of contacts, not a page.
            .WithComplexityImpact(1, 5)
            .Resolve(c => c.RequestServices!.GetRequiredService<ContactsLoader>().Load(c.Source.Id).Then(contacts => contacts ?? []));

        Field<NonNullGraphType<IntGraphType>>("openRequestCount")
            .Description("How many of the client's requests the caller may see are open (not fulfilled, rejected or cancelled).")
            .Resolve(c => Activity(c).Then(a => a?.OpenCount ?? 0));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestType>>>>("openRequests")
            .Description("Open requests, breached first, then at risk, then the soonest resolution target; at most 50 (the requests list pages through all).")
            .WithComplexityImpact(1, 50)
            .Resolve(c => Activity(c).Then(a => (IEnumerable<RequestNode>)(a?.OpenRequests.Select(r => new RequestNode(r, HasWorkItems: false)).ToList() ?? [])));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientEventType>>>>("recentEvents")
            .Description("The newest timeline events across the client's requests: at most 25, of the last 90 days, newest first.")
            .WithComplexityImpact(1, 25)
            .Resolve(c => Activity(c).Then(a => a?.RecentEvents ?? (IEnumerable<Requests.Grpc.ClientEvent>)[]));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonthlySatisfactionType>>>>("satisfaction")
            .Description("Ratings per calendar month (UTC), the current month and the 11 before it, oldest first.")
            .WithComplexityImpact(1, 12)
            .Resolve(c => Activity(c).Then(a => a?.Satisfaction ?? (IEnumerable<Requests.Grpc.MonthlySatisfaction>)[]));
    }

    static IDataLoaderResult<Requests.Grpc.ClientActivity?> Activity(IResolveFieldContext<ClientEntry> c) =>
        c.RequestServices!.GetRequiredService<ClientActivityLoader>().Load(c.Source.Id);
}
