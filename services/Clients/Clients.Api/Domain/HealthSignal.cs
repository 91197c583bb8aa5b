using System.Security.Cryptography;
using System.Text;

namespace ClientRequests.Clients.Domain;

/// <summary>
/// One thing that happened to a client and bears on its health: the facts of one event of another service,
/// kept so that every figure and the score can be recomputed from these rows alone (docs/decisions/0012-client-health.md).
/// </summary>
public sealed class HealthSignal
{
    /// <summary>
    /// Derived from the event's own content (a submitted request: its request id), never from the message id,
    /// so the same event published twice under two message ids is stored once.
    /// </summary>
    public required Guid Id { get; init; }
    public required Guid ClientId { get; init; }
    public required Guid RequestId { get; init; }
    /// <summary>One of <see cref="HealthKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The request type (submitted, satisfaction) or the SLA clock (breached, at risk).</summary>
    public string? Detail { get; init; }
    /// <summary>The request's priority, for a submitted request.</summary>
    public string? Priority { get; init; }
    /// <summary>The satisfaction score (1 to 5), for a rating.</summary>
    public int? Value { get; init; }
    /// <summary>Points taken off a perfect score while the signal is fresh; derived from the facts above (see <see cref="HealthWeights"/>).</summary>
    public required int Weight { get; set; }
    /// <summary>When it happened by the sender's clock, never when it arrived here.</summary>
    public required DateTimeOffset OccurredAt { get; set; }

    /// <summary>A stable id from the identifying parts of an event (SHA-256, first 16 bytes).</summary>
    public static Guid IdFor(params object?[] parts)
    {
        var key = string.Join('|', parts.Select(p => p switch
        {
            DateTimeOffset at => at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null => "",
            _ => p.ToString(),
        }));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}

public static class HealthKinds
{
    public const string Submitted = "submitted";
    public const string Fulfilled = "fulfilled";
    public const string SlaBreached = "sla-breached";
    public const string SlaAtRisk = "sla-at-risk";
    public const string Satisfaction = "satisfaction";
}
