using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using ClientRequests.Contracts.Departments;

namespace ClientRequests.Fuzz.Tests.Messaging;

/// <summary>MassTransit JSON envelopes written by hand, so a message can be exactly as broken as a test wants.</summary>
public static class Envelopes
{
    public const string ContentType = "application/vnd.masstransit+json";

    public static byte[] Envelope(Guid messageId, string messageType, JsonNode? message) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["messageId"] = messageId.ToString(),
        ["conversationId"] = Guid.NewGuid().ToString(),
        ["messageType"] = new JsonArray($"urn:message:{messageType}"),
        ["message"] = message,
        ["sentTime"] = DateTimeOffset.UtcNow.ToString("O"),
        ["headers"] = new JsonObject(),
    }.ToJsonString());

    /// <summary>The contract record a MassTransit message type ("Namespace:Name") names.</summary>
    public static Type? ContractType(string messageType) =>
        typeof(AssignWorkItem).Assembly.GetType(messageType.Replace(':', '.'));

    /// <summary>Every property of the contract with a value of the wrong JSON type: a message no deserializer can take.</summary>
    public static JsonObject WrongTypes(Type contract, Guid marker)
    {
        var message = new JsonObject();
        foreach (var property in contract.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            message[CamelCase(property.Name)] = property.PropertyType == typeof(string)
                ? new JsonObject { ["marker"] = marker.ToString() }
                : JsonValue.Create($"not-a-{property.PropertyType.Name}-{marker}");
        return message;
    }

    /// <summary>A well-formed instance of the contract with fresh ids (and the queue's department where it names one).</summary>
    public static JsonNode? WellFormed(Type type, string? departmentCode) => WellFormed(type, departmentCode, 0, DateTimeOffset.UtcNow);

    /// <param name="at">Every instant of one message: a message whose instants must be ordered (at risk before due) is valid.</param>
    static JsonNode? WellFormed(Type type, string? departmentCode, int depth, DateTimeOffset at)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(Guid)) return JsonValue.Create(Guid.NewGuid());
        if (underlying == typeof(string)) return JsonValue.Create("fuzz");
        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime)) return JsonValue.Create(at);
        if (underlying == typeof(bool)) return JsonValue.Create(false);
        if (underlying.IsEnum) return JsonValue.Create(Enum.GetNames(underlying)[0]);
        if (underlying.IsPrimitive || underlying == typeof(decimal)) return JsonValue.Create(1);
        if (underlying == typeof(TimeSpan)) return JsonValue.Create("00:01:00");
        if (typeof(IEnumerable).IsAssignableFrom(underlying)) return new JsonArray();
        if (depth > 3) return null;
        var message = new JsonObject();
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            message[CamelCase(property.Name)] = property.Name == "DepartmentCode" && departmentCode is not null
                ? JsonValue.Create(departmentCode)
                : WellFormed(property.PropertyType, departmentCode, depth + 1, at);
        return message;
    }

    static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
