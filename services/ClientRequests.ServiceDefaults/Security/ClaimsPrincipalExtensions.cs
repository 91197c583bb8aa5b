using System.Security.Claims;

namespace ClientRequests.ServiceDefaults.Security;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(PlatformClaims.UserId) ?? throw new InvalidOperationException("The token carries no user id.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static IReadOnlySet<string> DepartmentCodes(this ClaimsPrincipal user) =>
        user.FindAll(PlatformClaims.Department).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
