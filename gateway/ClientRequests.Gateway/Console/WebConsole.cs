using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace ClientRequests.Gateway.Console;

/// <summary>
/// Serves the web console's production build (web/console/dist) at /console, anonymously: the page holds no data, every
/// call it makes to /graphql carries the user's token. In Development a browser asking GET /graphql for HTML gets the
/// GraphiQL page of the same build; the API answers every other request there as before. See ADR 0020.
/// </summary>
public static class WebConsole
{
    public const string Path = "/console";
    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Gateway:Console:Root when set, else web/console/dist found upwards from the gateway's folders.</summary>
    public static string? FindBuild(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Gateway:Console:Root"] is { Length: > 0 } configured) return Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "web", "console", "dist")))
                    return System.IO.Path.Combine(dir.FullName, "web", "console", "dist");
        return null;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        var root = FindBuild(app.Configuration, app.Environment);
        if (root is null)
        {
            app.Logger.LogWarning("The web console is not built (npm run build in web/console); {Path} answers 404.", Path);
            return app;
        }
        app.MapGet("/", () => TypedResults.Redirect(Path + "/")).AllowAnonymous().ExcludeFromDescription();
        var group = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/config.json", SignInSettings);
        group.MapGet("/", () => Page(root, "index.html"));
        group.MapGet("/{**file}", (string file) => Page(root, file));
        return app;
    }

    public sealed record ConsoleSignIn(string Authority, string ClientId, string Scope);

    /// <summary>
    /// Which provider the console signs in with: <c>Gateway:Console:Authority</c>, else the authority the platform
    /// validates against, so pointing <c>Auth:Authority</c> at a company's provider moves the console too.
    /// </summary>
    static Ok<ConsoleSignIn> SignInSettings(IConfiguration configuration, ClientRequests.ServiceDefaults.Security.AuthOptions auth) =>
        TypedResults.Ok(new ConsoleSignIn(
            configuration["Gateway:Console:Authority"] ?? auth.Authority ?? ClientRequests.ServiceDefaults.Security.AuthOptions.DevelopmentAuthority,
            configuration["Gateway:Console:ClientId"] ?? "client-requests-console",
            configuration["Gateway:Console:Scope"] ?? "openid profile email roles offline_access client-requests"));

    /// <summary>GraphiQL for browsers at GET /graphql, Development only; runs ahead of authentication (the page is public).</summary>
    public static WebApplication UseGraphiQL(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || FindBuild(app.Configuration, app.Environment) is not { } root) return app;
        var page = System.IO.Path.Combine(root, "graphiql.html");
        app.Use(async (context, next) =>
        {
            if (IsBrowserAskingForIde(context.Request) && File.Exists(page))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.SendFileAsync(page, context.RequestAborted);
                return;
            }
            await next(context);
        });
        return app;
    }

    public static bool IsBrowserAskingForIde(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.Equals("/graphql", StringComparison.OrdinalIgnoreCase)
        && !request.Query.ContainsKey("query")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A file of the build, or index.html for the console's own routes; never a path outside the build.</summary>
    static IResult Page(string root, string file)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, file));
        var inside = full.StartsWith(System.IO.Path.GetFullPath(root) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside) return TypedResults.NotFound();
        if (!File.Exists(full))
        {
            // An asset that is missing is a 404; anything else is a route of the single-page app.
            if (System.IO.Path.HasExtension(file)) return TypedResults.NotFound();
            full = System.IO.Path.Combine(root, "index.html");
        }
        if (!ContentTypes.TryGetContentType(full, out var type)) type = "application/octet-stream";
        var immutable = file.StartsWith("assets/", StringComparison.Ordinal);
        return new CachedFile(full, type, immutable);
    }

    sealed class CachedFile(string path, string contentType, bool immutable) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            // Vite names assets by their content hash, so they never change; the HTML that names them must be fresh.
            context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            return TypedResults.PhysicalFile(path, contentType).ExecuteAsync(context);
        }
    }
}
