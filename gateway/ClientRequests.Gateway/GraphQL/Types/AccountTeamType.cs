using ClientRequests.Clients.Grpc;
using GraphQL;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class AccountTeamType : ObjectGraphType<ClientEntry>
{
    public AccountTeamType()
    {
        Name = "AccountTeam";
        Field<NonNullGraphType<StringGraphType>>("accountManagerId").Resolve(c => c.Source.AccountManagerId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("accountExecutiveIds")
            .Resolve(c => c.Source.AccountExecutiveIds);
        Field<NonNullGraphType<PersonType>>("manager").Description("The account manager, by name.").Resolve(c => c.Source.AccountManagerId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("executives")
            .Description("The account executives reporting to the manager, by name.")
            // A manager has a few executives.
            .WithComplexityImpact(1, 5)
            .Resolve(c => c.Source.AccountExecutiveIds);
    }
}
