using System.Text.Json;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class SlaTargetType : ObjectGraphType<JsonElement>
{
    public SlaTargetType()
    {
        Name = "SlaTarget";
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Text("type"));
        Field<NonNullGraphType<StringGraphType>>("priority").Resolve(c => c.Source.Text("priority"));
        Field<StringGraphType>("firstResponse").Description("Null: no first-response clock.").Resolve(c => c.Source.Text("firstResponse"));
        Field<NonNullGraphType<StringGraphType>>("resolution").Resolve(c => c.Source.Text("resolution"));
    }
}
