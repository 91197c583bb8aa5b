using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Gateway.Development;

/// <summary>
/// In Development only, hands out tokens for the demo users so the platform can be tried without an identity
/// provider. Elsewhere the tokens come from the site's identity provider, signed with the same key.
/// </summary>
public static class DevelopmentTokens
{
    public static IEndpointRouteBuilder MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;

        var group = app.MapGroup("/dev").WithTags("Development").AllowAnonymous();
        group.MapGet("/users", ListUsers);
        group.MapPost("/token/{userId}", IssueToken);
        return app;
    }

    public sealed record DemoUserView(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);
    public sealed record TokenView(string AccessToken, string TokenType, DemoUserView User);

    static Ok<List<DemoUserView>> ListUsers() => TypedResults.Ok(DemoUsers.All.Select(ToView).ToList());

    static Results<Ok<TokenView>, ProblemHttpResult> IssueToken(string userId, AuthOptions options)
    {
        var user = DemoUsers.Find(userId);
        if (user is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Demo user not found.",
                detail: $"'{userId}' is not a demo user; GET /dev/users lists them.");
        return TypedResults.Ok(new TokenView(new TokenIssuer(options).Issue(user), "Bearer", ToView(user)));
    }

    static DemoUserView ToView(PlatformUser u) => new(u.Id, u.Name, u.Roles, u.Departments);
}
