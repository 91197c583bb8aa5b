using System.Text.Json.Serialization;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Gateway.Development;

/// <summary>
/// In Development only, hands out tokens for the demo users so the platform can be tried with curl. The token is the
/// embedded identity provider's (RS256, its issuer): the gateway asks the provider for it with the password grant of the
/// Development tool client, which exists only in Development. Browsers sign in through the provider's page instead.
/// </summary>
public static class DevelopmentTokens
{
    public const string IdentityClient = "identity";

    public static IHostApplicationBuilder AddDevelopmentTokens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(IdentityClient, http =>
        {
            http.BaseAddress = new Uri(builder.Configuration["Gateway:Development:IdentityAddress"] ?? "http://identity/identity/");
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;

        var group = app.MapGroup("/dev").WithTags("Development").AllowAnonymous();
        group.MapGet("/users", ListUsers);
        group.MapPost("/token/{userId}", IssueToken);
        return app;
    }

    public sealed record DemoUserView(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);
    public sealed record TokenView(string AccessToken, string TokenType, int ExpiresIn, DemoUserView User);

    sealed record ProviderToken(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);

    static Ok<List<DemoUserView>> ListUsers() => TypedResults.Ok(DemoUsers.All.Select(ToView).ToList());

    static async Task<Results<Ok<TokenView>, ProblemHttpResult>> IssueToken(string userId, IHttpClientFactory http, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var user = DemoUsers.Find(userId);
        if (user is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Demo user not found.",
                detail: $"'{userId}' is not a demo user; GET /dev/users lists them.");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "client-requests-dev",
            ["username"] = user.Id,
            ["password"] = configuration["Gateway:Development:DemoPassword"] ?? "demo",
            ["scope"] = "openid profile email roles client-requests",
        });
        try
        {
            using var reply = await http.CreateClient(IdentityClient).PostAsync("connect/token", form, cancellationToken);
            var token = await reply.Content.ReadFromJsonAsync<ProviderToken>(cancellationToken);
            if (!reply.IsSuccessStatusCode || token?.AccessToken is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The identity provider refused the token.",
                    detail: token?.ErrorDescription ?? $"It answered {(int)reply.StatusCode}.");
            return TypedResults.Ok(new TokenView(token.AccessToken, "Bearer", token.ExpiresIn, ToView(user)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The identity provider is unreachable.",
                detail: e.Message);
        }
    }

    static DemoUserView ToView(PlatformUser u) => new(u.Id, u.Name, u.Roles, u.Departments);
}
