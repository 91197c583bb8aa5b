using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Apis;

/// <summary>
/// The routing rules are data: read on every Resolve, so a change here routes the next request without a restart.
/// Every change is validated against the whole list (unknown departments, rules that could never match).
/// </summary>
public static class RoutingRulesApi
{
    public static RouteGroupBuilder MapRoutingRulesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments/routing-rules").WithTags("Routing rules");
        group.MapGet("/", List).RequireAuthorization(Policies.Reader);
        group.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Reader);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        group.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Admin);
        return group;
    }

    public sealed record RuleInput(string? Name, int? Order, string? RequestType, string? Priority, string? ClientTier, string? Tag,
        List<string>? TargetDepartments, List<string>? RequiredSkills);

    public sealed record RuleView(int Id, string Name, int Order, string? RequestType, string? Priority, string? ClientTier, string? Tag,
        IReadOnlyList<string> TargetDepartments, IReadOnlyList<string> RequiredSkills);

    static async Task<Ok<List<RuleView>>> List(DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(Router.InOrder(rules).Select(ToView).ToList());
    }

    static async Task<Results<Ok<RuleView>, ProblemHttpResult>> Get(int id, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rule is null ? Problem.NotFound("Routing rule", id) : TypedResults.Ok(ToView(rule));
    }

    static async Task<Results<Created<RuleView>, ValidationProblem>> Create(RuleInput body, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var rule = new RoutingRule { Name = "" };
        if (await ApplyAsync(body, rule, db, cancellationToken) is { } invalid) return invalid;
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/departments/routing-rules/{rule.Id}", ToView(rule));
    }

    static async Task<Results<Ok<RuleView>, ValidationProblem, ProblemHttpResult>> Update(int id, RuleInput body, DepartmentsDbContext db,
        CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return Problem.NotFound("Routing rule", id);
        if (await ApplyAsync(body, rule, db, cancellationToken) is { } invalid) return invalid;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(rule));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.RoutingRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problem.NotFound("Routing rule", id) : TypedResults.NoContent();
    }

    /// <summary>Copies the input onto the rule and validates it among the other rules; null when valid.</summary>
    static async Task<ValidationProblem?> ApplyAsync(RuleInput body, RoutingRule rule, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(body.Order is not null, "order", "'order' is required: rules are tried in order.");
        foreach (var (value, field, max) in new[] { (body.RequestType, "requestType", 60), (body.Priority, "priority", 10),
                     (body.ClientTier, "clientTier", 30), (body.Tag, "tag", 60) })
            errors.Text(value, field, max, required: false);
        if (errors.Count > 0) return Problem.Invalid(errors);

        rule.Name = body.Name?.Trim() ?? "";
        rule.Order = body.Order!.Value;
        rule.RequestType = Blank(body.RequestType);
        rule.Priority = Blank(body.Priority);
        rule.ClientTier = Blank(body.ClientTier);
        rule.Tag = Blank(body.Tag);
        rule.TargetDepartments = body.TargetDepartments?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        rule.RequiredSkills = body.RequiredSkills?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

        var others = await db.RoutingRules.AsNoTracking().Where(r => r.Id != rule.Id).ToListAsync(cancellationToken);
        var codes = (await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = RuleValidation.Validate(rule, others, codes);
        return problems.Count > 0 ? Problem.Invalid(problems) : null;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static RuleView ToView(RoutingRule r) =>
        new(r.Id, r.Name, r.Order, r.RequestType, r.Priority, r.ClientTier, r.Tag, r.TargetDepartments, r.RequiredSkills);
}
