using System.Text.Json;
using GraphQL.Types;

namespace ClientRequests.Gateway.GraphQL.Types;

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
