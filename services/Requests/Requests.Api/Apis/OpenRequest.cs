using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// POST /api/requests: accept a client request and fan it out to the departments that must act. With an
/// Idempotency-Key, the same key and body answer what the first call answered; the same key with another body is a 422.
/// </summary>
public static class OpenRequest
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<Results<Created<RequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        NewRequest body, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, ClaimsPrincipal user,
        RequestsDbContext db, Intake intake, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyRecord.KeyMax))
            return Problem.Invalid(IdempotencyKeyHeader, $"'{IdempotencyKeyHeader}' is 1 to {IdempotencyRecord.KeyMax} characters.");
        var callerId = user.UserId();
        var bodyHash = Hash(body);
        if (idempotencyKey is not null && await ReplayAsync(db, callerId, idempotencyKey, bodyHash, cancellationToken) is { } replay)
            return replay;

        switch (await intake.OpenAsync(body, user, cancellationToken))
        {
            case IntakeResult.Invalid invalid: return Problem.Invalid(invalid.Errors);
            case IntakeResult.ClientNotFound missing: return Problem.NotFound("Client", missing.ClientId);
            case IntakeResult.Unavailable: return Problem.Unavailable("A service this request depends on is unavailable.", "Nothing was recorded. Try again shortly.");
            case IntakeResult.Existing existing: return AlreadyOpened(existing.RequestId);
            case IntakeResult.Opened opened:
                var view = RequestView.From(opened.Request, clocks);
                var location = $"/api/requests/{view.Id}";
                if (idempotencyKey is not null)
                    db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        CallerId = callerId, Key = idempotencyKey, BodyHash = bodyHash, StatusCode = StatusCodes.Status201Created,
                        ResponseBody = JsonSerializer.Serialize(view, Json), Location = location, CreatedAt = clock.GetUtcNow(),
                    });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another call with the same key or external reference committed first: answer as that one was answered.
                    db.ChangeTracker.Clear();
                    if (idempotencyKey is not null && await ReplayAsync(db, callerId, idempotencyKey, bodyHash, cancellationToken) is { } raced)
                        return raced;
                    if (body.ExternalReference is { } reference && await db.Requests.Where(r => r.ClientId == body.ClientId && r.ExternalReference == reference)
                            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken) is { } winner)
                        return AlreadyOpened(winner);
                    throw;
                }
                return TypedResults.Created(location, view);
            default:
                throw new InvalidOperationException("Unknown intake result.");
        }
    }

    static async Task<Results<Created<RequestView>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        RequestsDbContext db, string callerId, string key, string bodyHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.CallerId == callerId && r.Key == key, cancellationToken);
        if (record is null) return null;
        if (record.BodyHash != bodyHash)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The idempotency key was used with another body.",
                detail: $"'{IdempotencyKeyHeader}' {key} was first sent with a different request body; use a new key for a new request.",
                extensions: new Dictionary<string, object?> { ["field"] = IdempotencyKeyHeader });
        return TypedResults.Created(record.Location, JsonSerializer.Deserialize<RequestView>(record.ResponseBody, Json)!);
    }

    static ProblemHttpResult AlreadyOpened(Guid existing) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The client already has a request with this external reference.",
            detail: $"'externalReference' is already used by request {existing}.",
            extensions: new Dictionary<string, object?> { ["field"] = "externalReference", ["requestId"] = existing });

    /// <summary>The body as bound, so that formatting and property order do not make the same request look different.</summary>
    internal static string Hash(NewRequest body) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Json)));

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
