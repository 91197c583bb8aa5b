using System.Text.Json;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed class SlaCalendarType : ObjectGraphType<JsonElement>
{
    public SlaCalendarType()
    {
        Name = "SlaCalendar";
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.Text("timeZone"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("days").Resolve(c => c.Source.Texts("days"));
        Field<NonNullGraphType<StringGraphType>>("open").Resolve(c => c.Source.Text("open"));
        Field<NonNullGraphType<StringGraphType>>("close").Resolve(c => c.Source.Text("close"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("holidays").Resolve(c => c.Source.Texts("holidays"));
    }
}
