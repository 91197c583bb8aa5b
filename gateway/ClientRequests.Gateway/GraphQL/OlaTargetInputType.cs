using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class OlaTargetInputType : InputObjectGraphType
{
    public OlaTargetInputType()
    {
        Name = "OlaTargetInput";
        Field<NonNullGraphType<StringGraphType>>("priority");
        Field<NonNullGraphType<StringGraphType>>("resolution");
    }
}
