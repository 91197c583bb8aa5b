using System.Security.Claims;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// The SLA policy is data (ADR 0032): every change is a new version, validated whole and guarded by the version its author
/// read; open requests' clocks follow it from the monitor's next pass. Everyone on the platform may read the targets they
/// are measured by (as with routing rules); only admins change them.
/// </summary>
public static class SlaPolicyApi
{
    public static RouteGroupBuilder MapSlaPolicyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sla/policy").WithTags("SLA policy");
        group.MapGet("/", Current).RequireAuthorization(Policies.Reader);
        group.MapGet("/versions", Versions).RequireAuthorization(Policies.Reader);
        group.MapGet("/versions/{version:int}", Version).RequireAuthorization(Policies.Reader);
        group.MapPut("/", Update).RequireAuthorization(Policies.Admin);
        return group;
    }

    /// <summary>The whole policy and the version it replaces (or <c>If-Match</c>); the same shape as <see cref="SlaPolicyView"/>.</summary>
    public sealed record SlaPolicyInput(int? Version, double? AtRiskFraction, CalendarDocument? Calendar, List<TargetDocument>? Targets,
        List<PriorityTarget>? Ola, List<DepartmentOlaDocument>? Departments)
    {
        public SlaPolicyDocument Document() => new()
        {
            AtRiskFraction = AtRiskFraction, Calendar = Calendar, Targets = Targets, Ola = Ola,
            // A null entry stays null, for validation to name it.
            Departments = Departments?.Select(d => d is null ? null! : d with { Code = d.Code?.Trim() }).ToList(),
        };
    }

    public sealed record SlaPolicyView(int Version, string ChangedBy, DateTimeOffset ChangedAt, double? AtRiskFraction, CalendarDocument? Calendar,
        List<TargetDocument>? Targets, List<PriorityTarget>? Ola, List<DepartmentOlaDocument>? Departments)
    {
        public static SlaPolicyView From(ActiveSlaPolicy p) =>
            new(p.Version, p.ChangedBy, p.ChangedAt, p.Document.AtRiskFraction, p.Document.Calendar, p.Document.Targets, p.Document.Ola, p.Document.Departments);
    }

    public sealed record SlaPolicyVersionSummary(int Version, string ChangedBy, DateTimeOffset ChangedAt);

    static async Task<Ok<SlaPolicyView>> Current(HttpContext http, RequestsDbContext db, SlaPolicies policies, CancellationToken cancellationToken)
    {
        var current = await LatestAsync(db, policies, cancellationToken);
        http.Response.Headers.ETag = RequestVersion.ETag(current.Version);
        return TypedResults.Ok(SlaPolicyView.From(current));
    }

    static async Task<Ok<List<SlaPolicyVersionSummary>>> Versions(RequestsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.SlaPolicyVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new SlaPolicyVersionSummary(v.Version, v.ChangedBy, v.ChangedAt)).ToListAsync(cancellationToken));

    static async Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> Version(int version, RequestsDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.SlaPolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Version == version, cancellationToken);
        return row is null ? Problem.NotFound("SLA policy version", version) : TypedResults.Ok(SlaPolicyView.From(ActiveSlaPolicy.From(row)));
    }

    static async Task<Results<Ok<SlaPolicyView>, ValidationProblem, ProblemHttpResult>> Update(SlaPolicyInput body,
        [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpContext http, RequestsDbContext db, SlaPolicies policies,
        RequestTypes types, DepartmentRouting.DepartmentRoutingClient routing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        int? matched = null;
        if (ifMatch is not null)
        {
            matched = RequestVersion.Parse(ifMatch);
            errors.Require(matched is not null, "If-Match", "'If-Match' is the policy's version as its ETag gives it, such as \"3\".");
        }
        errors.Require(matched is not null || body.Version is not null || ifMatch is not null, "version",
            "Send the version you read, as 'If-Match' or 'version': a change must not overwrite one you have not seen.");
        errors.Require(matched is null || body.Version is null || matched == body.Version, "version", "'If-Match' and 'version' disagree.");
        var document = body.Document();
        foreach (var (field, messages) in SlaPolicyValidation.Validate(document, types.Names)) errors.TryAdd(field, messages);
        if (errors.Count == 0 && document.Departments is { Count: > 0 } departments)
        {
            ResolveRouteReply known;
            try
            {
                known = await routing.ResolveAsync(new ResolveRouteRequest { ExplicitDepartmentCodes = { departments.Select(d => d.Code!) } },
                    cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                return Problem.Unavailable("The departments service is unavailable.", "Nothing was changed. Try again shortly.");
            }
            var unknown = known.UnknownDepartmentCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < departments.Count; i++)
                errors.Require(!unknown.Contains(departments[i].Code!), $"departments[{i}].code", $"There is no department with code '{departments[i].Code}'.");
        }
        if (errors.Count > 0) return Problem.Invalid(errors);

        var expected = matched ?? body.Version!.Value;
        var current = await LatestAsync(db, policies, cancellationToken);
        if (current.Version != expected) return Stale(current.Version, expected, viaHeader: matched is not null);

        var row = new SlaPolicyVersion
        {
            Version = expected + 1, Document = ActiveSlaPolicy.Serialize(document), ChangedBy = user.UserId(), ChangedAt = clock.GetUtcNow(),
        };
        db.SlaPolicyVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin saved on the same version first: the version is the key, so theirs stands and this one wrote nothing.
            var latest = await db.SlaPolicyVersions.MaxAsync(v => (int?)v.Version, cancellationToken);
            if (latest is not { } stored || stored <= expected) throw;
            return Stale(stored, expected, viaHeader: matched is not null);
        }
        var saved = policies.Use(ActiveSlaPolicy.From(row));
        http.Response.Headers.ETag = RequestVersion.ETag(saved.Version);
        return TypedResults.Ok(SlaPolicyView.From(saved));
    }

    /// <summary>The newest stored version; the configuration (version 0) when none is stored yet.</summary>
    static async Task<ActiveSlaPolicy> LatestAsync(RequestsDbContext db, SlaPolicies policies, CancellationToken cancellationToken)
    {
        var row = await db.SlaPolicyVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? policies.Current : row.Version == policies.Current.Version ? policies.Current : policies.Use(ActiveSlaPolicy.From(row));
    }

    /// <summary>412 for a stale If-Match, 409 for a stale version field (as for request edits, ADR 0028); both name the current version.</summary>
    static ProblemHttpResult Stale(int current, int sent, bool viaHeader) =>
        TypedResults.Problem(statusCode: viaHeader ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            title: "The SLA policy changed since you read it.",
            detail: $"You sent version {sent}; the policy is at version {current}. Read it again and repeat your change.",
            extensions: new Dictionary<string, object?> { ["field"] = viaHeader ? "If-Match" : "version", ["currentVersion"] = current, ["sentVersion"] = sent });
}
