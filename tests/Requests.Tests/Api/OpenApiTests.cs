using System.Net;
using System.Text.Json;

namespace Requests.Tests.Api;

public sealed class OpenApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_every_requests_endpoint()
    {
        using var anonymous = fixture.App.CreateClient();
        var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/requests", "/api/requests/import", "/api/requests/{id}", "/api/requests/{id}/timeline", "/api/requests/{id}/comments",
            "/api/requests/{id}/cancel", "/api/requests/{id}/wait-on-client", "/api/requests/{id}/resume", "/api/requests/{id}/reopen",
            "/api/requests/{id}/satisfaction",
        ];
        foreach (var path in expected)
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
    }
}
