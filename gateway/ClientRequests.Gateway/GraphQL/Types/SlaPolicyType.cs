using System.Text.Json;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>
/// The SLA policy as the requests service answers GET /api/sla/policy (ADR 0032), read from its JSON as it is: durations are
/// business time as <c>d.hh:mm:ss</c>, times <c>HH:mm</c>, dates <c>yyyy-MM-dd</c>, as in the REST document.
/// </summary>
public sealed class SlaPolicyType : ObjectGraphType<JsonElement>
{
    public SlaPolicyType()
    {
        Name = "SlaPolicy";
        Field<NonNullGraphType<IntGraphType>>("version").Description("Send it back in updateSlaPolicy's input.").Resolve(c => c.Source.GetProperty("version").GetInt32());
        Field<NonNullGraphType<StringGraphType>>("changedBy").Resolve(c => c.Source.Text("changedBy"));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("changedAt").Resolve(c => c.Source.GetProperty("changedAt").GetDateTimeOffset());
        Field<NonNullGraphType<FloatGraphType>>("atRiskFraction").Resolve(c => c.Source.GetProperty("atRiskFraction").GetDouble());
        Field<NonNullGraphType<SlaCalendarType>>("calendar").Resolve(c => c.Source.GetProperty("calendar"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaTargetType>>>>("targets")
            .Description("The request's targets; the first match of type (or *) and priority wins.").Resolve(c => c.Source.Items("targets"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OlaTargetType>>>>("ola")
            .Description("The OLA of a department that sets none, per priority.").Resolve(c => c.Source.Items("ola"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartmentOlaType>>>>("departments").Resolve(c => c.Source.Items("departments"));
    }
}
