using System.Text.Json;
using System.Text.Json.Serialization;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClientRequests.Notifications.Data;

/// <summary>Stores a user's rules per event kind as JSON text.</summary>
public static class KindRulesJson
{
    static readonly JsonSerializerOptions json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly ValueConverter<IReadOnlyList<KindRule>, string> Converter = new(rules => Write(rules), text => Read(text));

    public static readonly ValueComparer<IReadOnlyList<KindRule>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!), rules => rules.Aggregate(0, (hash, rule) => HashCode.Combine(hash, rule)), rules => rules.ToList());

    public static string Write(IReadOnlyList<KindRule> rules) => JsonSerializer.Serialize(rules, json);

    // Rows written before the column existed hold an empty text.
    public static IReadOnlyList<KindRule> Read(string text) => string.IsNullOrWhiteSpace(text) ? [] : JsonSerializer.Deserialize<List<KindRule>>(text, json) ?? [];
}
