using System.Security.Claims;
using System.Text.Json;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

public sealed record ImportLine(int Line, string Outcome, Guid? RequestId, IDictionary<string, string[]>? Errors);

public sealed record ImportReport(int Created, int Existing, int Failed, IReadOnlyList<ImportLine> Lines);

/// <summary>
/// POST /api/requests/import: NDJSON, one request a line, each with an external reference. Every line is its
/// own transaction, so a bad line costs only itself; a line whose external reference the client already has is
/// reported as existing, so the same file imported twice opens nothing twice.
/// </summary>
public static class ImportApi
{
    public const int MaxLines = 1000;

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder group)
    {
        group.MapPost("/import", Import).RequireAuthorization(Policies.AccountTeam).Accepts<string>("application/x-ndjson");
        return group;
    }

    static async Task<Ok<ImportReport>> Import(HttpRequest http, ClaimsPrincipal user, RequestsDbContext db, Intake intake, CancellationToken cancellationToken)
    {
        var lines = new List<ImportLine>();
        using var reader = new StreamReader(http.Body);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (lines.Count >= MaxLines)
            {
                lines.Add(Failed(number, "body", $"An import takes at most {MaxLines} requests; this one was not read."));
                continue;
            }
            lines.Add(await ImportOneAsync(number, text, user, db, intake, cancellationToken));
            db.ChangeTracker.Clear();
        }
        return TypedResults.Ok(new ImportReport(lines.Count(l => l.Outcome == "created"), lines.Count(l => l.Outcome == "existing"),
            lines.Count(l => l.Outcome is not ("created" or "existing")), lines));
    }

    static async Task<ImportLine> ImportOneAsync(int number, string text, ClaimsPrincipal user, RequestsDbContext db, Intake intake,
        CancellationToken cancellationToken)
    {
        NewRequest? body;
        try { body = JsonSerializer.Deserialize<NewRequest>(text, Json); }
        catch (JsonException e) { return Failed(number, e.Path is { Length: > 2 } path ? path[2..] : "body", "The line is not a valid request in JSON."); }
        if (body is null) return Failed(number, "body", "The line is not a valid request in JSON.");
        if (string.IsNullOrWhiteSpace(body.ExternalReference))
            return Failed(number, "externalReference", "'externalReference' is required in an import: it makes the line safe to import again.");

        switch (await intake.OpenAsync(body, user, cancellationToken))
        {
            case IntakeResult.Opened opened:
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new ImportLine(number, "created", opened.Request.Id, null);
                }
                catch (DbUpdateException)
                {
                    // The same external reference arrived concurrently (another import of the same file) and won.
                    db.ChangeTracker.Clear();
                    var winner = await db.Requests.Where(r => r.ClientId == body.ClientId && r.ExternalReference == body.ExternalReference)
                        .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
                    return winner is { } id ? new ImportLine(number, "existing", id, null) : Failed(number, "body", "The line could not be stored.");
                }
            case IntakeResult.Existing existing: return new ImportLine(number, "existing", existing.RequestId, null);
            case IntakeResult.Invalid invalid: return new ImportLine(number, "invalid", null, invalid.Errors);
            case IntakeResult.ClientNotFound: return new ImportLine(number, "not-found", null, Errors("clientId", "There is no such client."));
            default: return new ImportLine(number, "unavailable", null, Errors("body", "A service this request depends on is unavailable; import the line again."));
        }
    }

    static ImportLine Failed(int number, string field, string message) => new(number, "invalid", null, Errors(field, message));

    static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
