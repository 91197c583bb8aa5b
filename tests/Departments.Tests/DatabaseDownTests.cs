using System.Net;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Departments.Tests;

/// <summary>A database that is down at start: the process runs, says it is not ready, and answers 503, never 500.</summary>
public sealed class DatabaseDownTests
{
    [Fact]
    public async Task A_service_whose_database_is_down_is_live_not_ready_and_answers_503()
    {
        var broker = await TestBroker.Shared;
        await using var app = new DepartmentsApp(await broker.NewVirtualHostAsync("db-down"), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            // Nothing listens on port 1: the connection is refused at once.
            ["ConnectionStrings:departments"] = "Server=127.0.0.1,1;Database=departments;User Id=sa;Password=unused;Connect Timeout=2;TrustServerCertificate=True",
        });
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);

        using var admin = app.ClientFor(DemoUsers.Grace);
        var response = await admin.GetAsync("/api/departments");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null);
    }
}
