using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDefaults.Problems;

/// <summary>
/// Writes the ProblemDetails the default writer declines because the caller's Accept header names no JSON type
/// (for example <c>Accept: application/xml</c>): an error is always application/problem+json, never the status
/// code pages' plain text, since we have no other representation to offer.
/// </summary>
public sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
    }
}
