using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDefaults.Problems;

/// <summary>
/// Turns the exceptions we can explain into 4xx/503 ProblemDetails; anything else is a logged 500 without details.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = UnknownCharset(context, exception) ?? Describe(exception);
        if (problem.Status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Request {Method} {Path} rejected: {Reason}", context.Request.Method, context.Request.Path, problem.Detail);

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => BadBody(json),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request is malformed.",
            Detail = bad.Message,
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The resource was changed by someone else.",
            Detail = "Reload it and try again.",
        },
        // Two requests racing to insert the same key: the loser's data conflicts; the database itself is fine.
        _ when DatabaseFailure.CauseOf(exception) is { } db && IsConstraintViolation(db) => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The change conflicts with the current state.",
            Detail = "Another request changed the same data at the same time. Reload it and try again.",
        },
        // The database refused or dropped the call, however EF or the provider wrapped it (a server restarting ends
        // pooled connections: EF reports "likely due to a transient failure" around the provider's exception).
        _ when DatabaseFailure.CauseOf(exception) is not null || exception is TimeoutException => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service's database is unavailable.",
            Detail = "Nothing was changed. Try again shortly.",
        },
        OperationCanceledException => new ProblemDetails
        {
            Status = StatusCodes.Status499ClientClosedRequest,
            Title = "The request was cancelled.",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
    };

    /// <summary>
    /// A unique or foreign key refused the write (SQLite's SQLITE_CONSTRAINT; SQL Server's 2627, 2601, 547; PostgreSQL's
    /// 23505 and 23503).
    /// </summary>
    static bool IsConstraintViolation(DbException db) => db switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        SqlException sql => sql.Number is 2627 or 2601 or 547,
        Npgsql.PostgresException postgres => postgres.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    /// <summary>
    /// A JSON body declared in a charset .NET does not know ("application/json; charset=ebcdic") makes the body reader
    /// throw InvalidOperationException before any JSON is read: the caller's media type is what we cannot take.
    /// </summary>
    static ProblemDetails? UnknownCharset(HttpContext context, Exception exception)
    {
        if (exception is not InvalidOperationException || !MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || mediaType.CharSet is not { Length: > 0 } charset) return null;
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return null;
        }
        catch (ArgumentException)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "The request's charset is not supported.",
                Detail = $"'{charset}' is not a known character set; send the body as UTF-8.",
            };
        }
    }

    static ProblemDetails BadBody(JsonException json)
    {
        var field = FieldName(json.Path);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [$"The value of '{field}' is not valid JSON for its type."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid.",
            Detail = field == "body" ? "The body is not valid JSON." : $"'{field}' has a value of the wrong type or format.",
        };
        return problem;
    }

    /// <summary>"$.dueAt" becomes "dueAt"; an unparseable document is "body".</summary>
    static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.") ? path[2..] : path;
}
