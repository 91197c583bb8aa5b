using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>Why a bearer token was refused, in words for the log (the exception's message may quote parts of the token).</summary>
public static class TokenRefusal
{
    public static string Reason(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not valid yet",
        SecurityTokenNoExpirationException => "no expiry",
        SecurityTokenInvalidIssuerException => "issuer not trusted",
        SecurityTokenInvalidAudienceException => "audience is not this platform",
        SecurityTokenInvalidAlgorithmException => "signature algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "no key the provider publishes verifies it (unknown kid, or a key of another kind: HS256)",
        SecurityTokenInvalidSignatureException => "signature missing or invalid",
        SecurityTokenMalformedException or ArgumentException => "not a well-formed JWT",
        SecurityTokenException => "invalid token",
        _ => "the identity provider's keys are unavailable",
    };
}
