using System.Text.Json;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class OlaTargetType : ObjectGraphType<JsonElement>
{
    public OlaTargetType()
    {
        Name = "OlaTarget";
        Field<NonNullGraphType<StringGraphType>>("priority").Resolve(c => c.Source.Text("priority"));
        Field<NonNullGraphType<StringGraphType>>("resolution").Resolve(c => c.Source.Text("resolution"));
    }
}
