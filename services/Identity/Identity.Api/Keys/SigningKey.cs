using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.Identity.Keys;

public sealed record SigningKey(string Id, DateTimeOffset Created, RsaSecurityKey Key);
