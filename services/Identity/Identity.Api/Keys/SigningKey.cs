using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.Identity.Keys;

public sealed record SigningKey(string Id, DateTimeOffset Created, RsaSecurityKey Key);
