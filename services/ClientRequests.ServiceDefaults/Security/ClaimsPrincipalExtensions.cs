using System.Security.Claims;

namespace ClientRequests.ServiceDefaults.Security;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(PlatformClaims.UserId) ?? throw new InvalidOperationException("The token carries no user id.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>OAuth scopes arrive as one space-separated <c>scope</c> claim (or one claim per scope).</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    public static IReadOnlySet<string> DepartmentCodes(this ClaimsPrincipal user) =>
        user.FindAll(PlatformClaims.Department).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
