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

public sealed class OlaTargetType : ObjectGraphType<JsonElement>
{
    public OlaTargetType()
    {
        Name = "OlaTarget";
        Field<NonNullGraphType<StringGraphType>>("priority").Resolve(c => c.Source.Text("priority"));
        Field<NonNullGraphType<StringGraphType>>("resolution").Resolve(c => c.Source.Text("resolution"));
    }
}

public sealed class DepartmentOlaType : ObjectGraphType<JsonElement>
{
    public DepartmentOlaType()
    {
        Name = "DepartmentOla";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Text("code"));
        Field<SlaCalendarType>("calendar").Description("Null: the account teams' calendar.")
            .Resolve(c => c.Source.TryGetProperty("calendar", out var calendar) && calendar.ValueKind == JsonValueKind.Object ? calendar : null);
        Field<StringGraphType>("resolution").Description("For every priority not in priorities; null: the policy's ola.").Resolve(c => c.Source.Text("resolution"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OlaTargetType>>>>("priorities").Resolve(c => c.Source.Items("priorities"));
    }
}

/// <summary>Absent and null read alike: the service leaves out what a document does not set.</summary>
static class SlaJson
{
    public static string? Text(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [];

    public static IEnumerable<string> Texts(this JsonElement e, string name) => e.Items(name).Select(i => i.GetString()!).ToList();
}
