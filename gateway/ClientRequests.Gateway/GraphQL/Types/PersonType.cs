using ClientRequests.Gateway.GraphQL.Loaders;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>A person by user id; the name as the clients service last learned it from their token (ADR 0035).</summary>
public sealed class PersonType : ObjectGraphType<string>
{
    public PersonType()
    {
        Name = "Person";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source);
        Field<StringGraphType>("name").Description("Null until the person has signed in once.")
            .Resolve(c => c.RequestServices!.GetRequiredService<PeopleLoader>().Load(c.Source).Then(p => p?.Name));
    }
}
