using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class DepartmentOlaInputType : InputObjectGraphType
{
    public DepartmentOlaInputType()
    {
        Name = "DepartmentOlaInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<SlaCalendarInputType>("calendar");
        Field<StringGraphType>("resolution");
        Field<ListGraphType<NonNullGraphType<OlaTargetInputType>>>("priorities");
    }
}
