using System.Security.Cryptography;
using System.Text;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Identity.Endpoints;

/// <summary>The demo users (DemoUsers) and the one password they share.</summary>
public sealed class DemoAccounts(IdentityOptions options)
{
    public PlatformUser? Check(string? userId, string? password)
    {
        var user = DemoUsers.Find(userId ?? "");
        if (user is null || password is null) return null;
        // Constant time, so the answer's timing does not tell how much of a guess was right.
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(options.DemoPassword));
        return matches ? user : null;
    }
}
