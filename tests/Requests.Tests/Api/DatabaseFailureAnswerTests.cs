using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Requests.Tests.Api;

/// <summary>
/// What a caller gets when the database fails, however the provider and EF wrap it: the production shape's chaos run
/// found PostgreSQL's restart answered 500, EF having wrapped Npgsql's exception in its "transient failure" message.
/// </summary>
public sealed class DatabaseFailureAnswerTests
{
    public static readonly TheoryData<string, int> Cases = new()
    {
        { "npgsql-wrapped-by-ef", 503 },
        { "npgsql", 503 },
        { "postgres-unique-violation", 409 },
        { "sqlite-busy", 503 },
        { "sqlite-constraint", 409 },
        { "timeout", 503 },
        { "bug", 500 },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_failure_is_answered_with_its_status(string failure, int status)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddPlatformProblemDetails();
        await using var app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/fail", () => { throw Failure(failure); });
        await app.StartAsync();

        var answer = await app.GetTestClient().GetAsync("/fail");
        Assert.Equal((HttpStatusCode)status, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    static Exception Failure(string failure) => failure switch
    {
        "npgsql-wrapped-by-ef" => new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException())),
        "npgsql" => new NpgsqlException("Failed to connect to 127.0.0.1:5432"),
        "postgres-unique-violation" => new DbUpdateException("An error occurred while saving the entity changes.",
            new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)),
        "sqlite-busy" => new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("database is locked", 5)),
        "sqlite-constraint" => new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("UNIQUE constraint failed", 19)),
        "timeout" => new TimeoutException(),
        _ => new InvalidOperationException("a bug"),
    };
}
