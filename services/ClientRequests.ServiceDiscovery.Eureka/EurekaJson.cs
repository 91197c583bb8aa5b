using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// Reads and writes Eureka's JSON codec by hand: the server renders one-element lists as objects,
/// numbers as strings and booleans as "true"/"false" depending on version, which typed models trip over.
/// </summary>
public static class EurekaJson
{
    private const string DataCenterClass = "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo";

    public static JsonObject ToJson(EurekaInstance instance)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in instance.Metadata)
        {
            metadata[key] = value;
        }

        return new JsonObject
        {
            ["instanceId"] = instance.InstanceId,
            ["hostName"] = instance.HostName,
            ["app"] = instance.App,
            ["ipAddr"] = instance.IpAddr,
            ["status"] = instance.Status,
            ["overriddenstatus"] = "UNKNOWN",
            ["port"] = Port(instance.Port, instance.PortEnabled),
            ["securePort"] = Port(instance.SecurePort, instance.SecurePortEnabled),
            ["countryId"] = 1,
            ["dataCenterInfo"] = new JsonObject { ["@class"] = DataCenterClass, ["name"] = "MyOwn" },
            ["leaseInfo"] = new JsonObject
            {
                ["renewalIntervalInSecs"] = instance.RenewalIntervalInSecs,
                ["durationInSecs"] = instance.DurationInSecs,
            },
            ["metadata"] = metadata,
            ["homePageUrl"] = instance.HomePageUrl,
            ["statusPageUrl"] = instance.StatusPageUrl,
            ["healthCheckUrl"] = instance.HealthCheckUrl,
            ["vipAddress"] = instance.VipAddress,
            ["secureVipAddress"] = instance.VipAddress,
            ["isCoordinatingDiscoveryServer"] = "false",
        };
    }

    public static string RegistrationBody(EurekaInstance instance) =>
        new JsonObject { ["instance"] = ToJson(instance) }.ToJsonString();

    /// <summary>Parses a <c>{"applications": ...}</c> document; throws <see cref="JsonException"/> when it is not one.</summary>
    public static EurekaApplications ParseApplications(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("Expected a JSON object.");
        var applications = root["applications"] as JsonObject
            ?? throw new JsonException("Missing 'applications'.");
        var instances = new List<EurekaInstance>();
        foreach (var app in Items(applications["application"]))
        {
            var appName = Text(app["name"]);
            foreach (var node in Items(app["instance"]))
            {
                instances.Add(ParseInstance(node, appName));
            }
        }

        return new EurekaApplications(instances, Text(applications["apps__hashcode"]));
    }

    public static EurekaInstance ParseInstance(JsonObject node, string? appName = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node["metadata"] is JsonObject meta)
        {
            foreach (var (key, value) in meta)
            {
                if (value is not null && key != "@class")
                {
                    metadata[key] = Text(value) ?? "";
                }
            }
        }

        var lease = node["leaseInfo"] as JsonObject;
        return new EurekaInstance
        {
            App = (Text(node["app"]) ?? appName ?? throw new JsonException("Instance without 'app'.")).ToUpperInvariant(),
            HostName = Text(node["hostName"]) ?? throw new JsonException("Instance without 'hostName'."),
            InstanceId = Text(node["instanceId"]) ?? Text(node["hostName"])!,
            IpAddr = Text(node["ipAddr"]) ?? "",
            Status = Text(node["status"]) ?? "UNKNOWN",
            Port = PortNumber(node["port"]),
            PortEnabled = PortEnabled(node["port"], defaultValue: true),
            SecurePort = PortNumber(node["securePort"]),
            SecurePortEnabled = PortEnabled(node["securePort"], defaultValue: false),
            VipAddress = Text(node["vipAddress"]) ?? "",
            HealthCheckUrl = Text(node["healthCheckUrl"]) ?? "",
            StatusPageUrl = Text(node["statusPageUrl"]) ?? "",
            HomePageUrl = Text(node["homePageUrl"]) ?? "",
            RenewalIntervalInSecs = Number(lease?["renewalIntervalInSecs"]) ?? 30,
            DurationInSecs = Number(lease?["durationInSecs"]) ?? 90,
            Metadata = metadata,
            ActionType = Text(node["actionType"]),
        };
    }

    private static JsonObject Port(int port, bool enabled) =>
        new() { ["$"] = port, ["@enabled"] = enabled ? "true" : "false" };

    private static IEnumerable<JsonObject> Items(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static int? Number(JsonNode? node) =>
        int.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int PortNumber(JsonNode? node) => node switch
    {
        JsonObject port => Number(port["$"]) ?? 0,
        _ => Number(node) ?? 0,
    };

    private static bool PortEnabled(JsonNode? node, bool defaultValue) =>
        node is JsonObject port && Text(port["@enabled"]) is { } enabled
            ? string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)
            : defaultValue;
}
