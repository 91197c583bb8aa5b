using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests;

/// <summary>The bearer token cache: a valid token is checked once per lifetime, nothing else is ever remembered.</summary>
public sealed class ValidatedTokenCacheTests
{
    sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Validations;
        public CountingHandler() => MapInboundClaims = false;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref Validations);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = TestAuthority.Issuer.ToString(),
        ValidAudience = Tokens.Audience,
        IssuerSigningKey = TestAuthority.SecurityKey,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        NameClaimType = PlatformClaims.UserId,
        RoleClaimType = PlatformClaims.Role,
    };

    [Fact]
    public async Task A_valid_token_is_checked_once_and_then_answered_from_the_cache_with_the_same_claims()
    {
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner, new ManualClock());
        var token = Tokens.For(DemoUsers.Carol);

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, inner.Validations);
        Assert.Equal("carol", second.ClaimsIdentity.Name);
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole(Roles.DepartmentAgent));
        Assert.Equal(["billing"], second.ClaimsIdentity.FindAll(PlatformClaims.Department).Select(c => c.Value));
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_refused_every_time_and_never_remembered()
    {
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner, new ManualClock());
        using var someoneElses = System.Security.Cryptography.RSA.Create(2048);
        var forged = Tokens.Sign(DemoUsers.Grace, TestAuthority.Issuer.ToString(),
            credentials: new SigningCredentials(new RsaSecurityKey(someoneElses) { KeyId = TestAuthority.KeyId }, SecurityAlgorithms.RsaSha256));

        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_has_expired()
    {
        var inner = new CountingHandler();
        var clock = new ManualClock();
        var cache = new ValidatedTokenCache(inner, clock);
        var token = Tokens.For(DemoUsers.Alice, lifetime: TimeSpan.FromMinutes(1));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        clock.Now += TimeSpan.FromMinutes(2);
        await cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task A_long_lived_token_is_checked_again_after_the_cache_s_maximum_age()
    {
        var inner = new CountingHandler();
        var clock = new ManualClock();
        var cache = new ValidatedTokenCache(inner, clock);
        var token = Tokens.For(DemoUsers.Alice, lifetime: TimeSpan.FromHours(8));
        await cache.ValidateTokenAsync(token, Parameters);

        clock.Now += ValidatedTokenCache.MaxAge - TimeSpan.FromSeconds(1);
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(1, inner.Validations);
        clock.Now += TimeSpan.FromSeconds(2);
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task Each_call_gets_its_own_identity_so_a_claim_added_to_one_does_not_reach_the_next()
    {
        var cache = new ValidatedTokenCache(new CountingHandler(), new ManualClock());
        var token = Tokens.For(DemoUsers.Bob);

        var first = await cache.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim(PlatformClaims.Role, Roles.Admin));
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.False(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole(Roles.Admin));
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_its_key_is_no_longer_published()
    {
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner, new ManualClock());
        var token = Tokens.For(DemoUsers.Alice);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        // The provider retired the key: the service's new key set no longer holds it.
        using var successor = System.Security.Cryptography.RSA.Create(2048);
        var rotated = Parameters.Clone();
        rotated.IssuerSigningKey = new RsaSecurityKey(successor) { KeyId = "successor" };
        var result = await cache.ValidateTokenAsync(token, rotated);

        Assert.False(result.IsValid);
        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task The_provider_s_claims_are_mapped_once_and_the_mapped_identity_is_remembered()
    {
        var mapping = new ClaimMapping(new AuthOptions
        {
            Claims = new ClaimNames { UserId = "sub", Roles = ["role"], Departments = ["dept"] },
            RoleMap = new() { ["department-agent"] = [Roles.DepartmentLead] },
        });
        var inner = new CountingHandler();
        var cache = new ValidatedTokenCache(inner, new ManualClock(), mapping);
        var token = Tokens.For(DemoUsers.Carol);

        await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(1, inner.Validations);
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole(Roles.DepartmentLead));
    }

    [Fact]
    public async Task Two_users_tokens_are_kept_apart()
    {
        var cache = new ValidatedTokenCache(new CountingHandler(), new ManualClock());
        var alice = Tokens.For(DemoUsers.Alice);
        var dave = Tokens.For(DemoUsers.Dave);
        await cache.ValidateTokenAsync(alice, Parameters);
        await cache.ValidateTokenAsync(dave, Parameters);

        Assert.Equal("alice", (await cache.ValidateTokenAsync(alice, Parameters)).ClaimsIdentity.Name);
        Assert.Equal("dave", (await cache.ValidateTokenAsync(dave, Parameters)).ClaimsIdentity.Name);
    }
}
