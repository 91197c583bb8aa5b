using System.Text.Json;
using System.Text.Json.Serialization;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Sla;

/// <summary>A policy version compiled and in effect from <see cref="ChangedAt"/>; version 0 is the configuration, before any is stored.</summary>
public sealed record ActiveSlaPolicy(int Version, string ChangedBy, DateTimeOffset ChangedAt, SlaPolicyDocument Document, SlaRules Rules)
{
    public const string Configuration = "configuration";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ActiveSlaPolicy From(SlaPolicyVersion row)
    {
        var document = JsonSerializer.Deserialize<SlaPolicyDocument>(row.Document, Json)
            ?? throw new InvalidOperationException($"SLA policy version {row.Version} is empty.");
        return new(row.Version, row.ChangedBy, row.ChangedAt, document, SlaRules.From(document));
    }

    public static ActiveSlaPolicy FromConfiguration(SlaOptions options)
    {
        var document = options.ToDocument();
        return new(0, Configuration, DateTimeOffset.MinValue, document, SlaRules.From(document));
    }

    public static string Serialize(SlaPolicyDocument document) => JsonSerializer.Serialize(document, Json);
}
