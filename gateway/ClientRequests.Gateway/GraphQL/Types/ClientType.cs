using ClientRequests.Clients.Grpc;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

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
    }
}

public sealed class AccountTeamType : ObjectGraphType<ClientEntry>
{
    public AccountTeamType()
    {
        Name = "AccountTeam";
        Field<NonNullGraphType<StringGraphType>>("accountManagerId").Resolve(c => c.Source.AccountManagerId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("accountExecutiveIds")
            .Resolve(c => c.Source.AccountExecutiveIds);
    }
}

public sealed class ClientHealthType : ObjectGraphType<ClientEntry>
{
    public ClientHealthType()
    {
        Name = "ClientHealth";
        Description = "0 to 100 and its band (healthy, watch, at-risk); see ADR 0004.";
        Field<NonNullGraphType<IntGraphType>>("score").Resolve(c => c.Source.HealthScore);
        Field<NonNullGraphType<StringGraphType>>("band").Resolve(c => c.Source.HealthBand);
    }
}
