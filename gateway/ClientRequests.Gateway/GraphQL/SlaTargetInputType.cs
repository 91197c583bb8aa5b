using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class SlaTargetInputType : InputObjectGraphType
{
    public SlaTargetInputType()
    {
        Name = "SlaTargetInput";
        Field<NonNullGraphType<StringGraphType>>("type");
        Field<NonNullGraphType<StringGraphType>>("priority");
        Field<StringGraphType>("firstResponse");
        Field<NonNullGraphType<StringGraphType>>("resolution");
    }
}
