using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Data;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Requests.Tests;

/// <summary>
/// Every dashboard query translates to SQL on both providers, for every scope: EF Core refuses at translation (no
/// server needed) what it would otherwise evaluate on the client or cannot run. The figures themselves are checked over
/// SQLite end to end (EndToEnd DashboardTests); no SQL Server runs here.
/// </summary>
public sealed class DashboardTranslationTests
{
    static readonly DateTimeOffset AsOf = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Scopes => ["admin", "agent", "manager"];

    [Theory, MemberData(nameof(Scopes))]
    public void Every_dashboard_query_translates_on_SQL_Server(string scope)
    {
        using var db = new SqlServerRequestsDbContext(DesignTime.SqlServer<SqlServerRequestsDbContext>());
        AssertTranslates(db, scope);
    }

    [Theory, MemberData(nameof(Scopes))]
    public void Every_dashboard_query_translates_on_SQLite(string scope)
    {
        using var db = new SqliteRequestsDbContext(DesignTime.Sqlite<SqliteRequestsDbContext>());
        AssertTranslates(db, scope);
    }

    static void AssertTranslates(RequestsDbContext db, string scope)
    {
        var sources = DashboardQuery.Queries(db, ClientRequests.Requests.Domain.Teams.RequestScope.Of(User(scope)), AsOf.AddDays(-29), AsOf);
        var statements = sources.All.Select(q => q.ToQueryString()).ToList();
        Assert.Equal(7, statements.Count);
        Assert.All(statements, sql => Assert.Contains("SELECT", sql));
        // The aggregates are the database's: GROUP BY in each of the five counting queries.
        Assert.Equal(5, statements.Count(sql => sql.Contains("GROUP BY", StringComparison.Ordinal)));
    }

    static ClaimsPrincipal User(string scope)
    {
        List<Claim> claims = scope switch
        {
            "admin" => [new(PlatformClaims.UserId, "grace"), new(PlatformClaims.Role, Roles.Admin)],
            "agent" => [new(PlatformClaims.UserId, "carol"), new(PlatformClaims.Role, Roles.DepartmentAgent), new(PlatformClaims.Department, "billing")],
            _ => [new(PlatformClaims.UserId, "alice"), new(PlatformClaims.Role, Roles.AccountManager)],
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", PlatformClaims.UserId, PlatformClaims.Role));
    }
}
