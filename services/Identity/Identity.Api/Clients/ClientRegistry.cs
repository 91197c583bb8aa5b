using ClientRequests.Identity.Endpoints;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClientRequests.Identity.Clients;

/// <summary>
/// The clients the provider knows, made from configuration at every start (configuration is the truth; the database
/// holds what OpenIddict needs at run time): the console (authorization code + PKCE, refresh tokens), the Development
/// tool client behind <c>POST /dev/token/{user}</c>, and the machine clients (client credentials).
/// </summary>
public sealed class ClientRegistry(IServiceProvider services, IdentityOptions options, IHostEnvironment environment, ILogger<ClientRegistry> logger)
{
    public const string DevelopmentToolClientId = "client-requests-dev";

    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await SaveAsync(manager, Console(), cancellationToken);
        if (environment.IsDevelopment())
            await SaveAsync(manager, DevelopmentTool(), cancellationToken);
        else if (await manager.FindByClientIdAsync(DevelopmentToolClientId, cancellationToken) is { } tool)
            await manager.DeleteAsync(tool, cancellationToken);
        foreach (var (id, client) in options.Clients)
            await SaveAsync(manager, Machine(id, client), cancellationToken);
        logger.LogInformation("Clients registered: the console, {Machines} machine client(s){Development}.", options.Clients.Count,
            environment.IsDevelopment() ? " and the Development tool" : "");
    }

    static async Task SaveAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null) await manager.CreateAsync(descriptor, cancellationToken);
        else await manager.UpdateAsync(existing, descriptor, cancellationToken);
    }

    OpenIddictApplicationDescriptor Console()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ConsoleClientOptions.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "ClientRequests console",
        };
        var origins = options.Console.Origins.Count > 0 ? options.Console.Origins : [new Uri(options.Issuer.GetLeftPart(UriPartial.Authority))];
        foreach (var origin in origins)
        {
            descriptor.RedirectUris.Add(new Uri(origin, "/console/signin-callback"));
            descriptor.RedirectUris.Add(new Uri(origin, "/console/silent-renew"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin, "/console/"));
        }
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + PlatformPrincipal.ApiScope,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }

    static OpenIddictApplicationDescriptor DevelopmentTool()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DevelopmentToolClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Development tokens (POST /dev/token/{user})",
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Token, Permissions.GrantTypes.Password,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + PlatformPrincipal.ApiScope,
        ]);
        return descriptor;
    }

    static OpenIddictApplicationDescriptor Machine(string id, MachineClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.Secret))
            throw new InvalidOperationException($"Identity:Clients:{id}:Secret is not set.");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = id,
            ClientSecret = client.Secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = string.IsNullOrEmpty(client.DisplayName) ? id : client.DisplayName,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        descriptor.Permissions.UnionWith(client.Scopes.Select(scope => Permissions.Prefixes.Scope + scope));
        return descriptor;
    }
}
