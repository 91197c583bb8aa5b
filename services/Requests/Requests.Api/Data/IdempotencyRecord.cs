namespace ClientRequests.Requests.Data;

/// <summary>
/// The answer given to a POST that carried an Idempotency-Key, kept so that the same key and body get the same
/// answer again (an integrator retrying after a timeout), and the same key with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMax = 100;

    public required string CallerId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of the body as sent, hex.</summary>
    public required string BodyHash { get; init; }
    public required int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public string? Location { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
