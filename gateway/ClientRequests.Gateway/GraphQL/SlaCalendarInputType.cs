using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL;

public sealed class SlaCalendarInputType : InputObjectGraphType
{
    public SlaCalendarInputType()
    {
        Name = "SlaCalendarInput";
        Field<NonNullGraphType<StringGraphType>>("timeZone");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("days");
        Field<NonNullGraphType<StringGraphType>>("open");
        Field<NonNullGraphType<StringGraphType>>("close");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("holidays");
    }
}
