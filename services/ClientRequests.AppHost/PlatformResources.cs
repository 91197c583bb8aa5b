using Aspire.Hosting.ApplicationModel;

namespace ClientRequests.AppHost;

public static class PlatformResources
{
    /// <summary>Runs eng/rabbitmq-node.sh: a node whose state lives under .data/rabbitmq, on the ports in Broker:*.</summary>
    public static IResourceBuilder<ExecutableResource> AddPrivateRabbitMq(this IDistributedApplicationBuilder builder, string root)
    {
        var broker = builder.Configuration.GetSection("Broker");
        return builder.AddExecutable("rabbitmq", "bash", root,
                Path.Combine(root, "eng", "rabbitmq-node.sh"), Path.Combine(root, ".data", "rabbitmq"),
                broker["AmqpPort"]!, broker["ManagementPort"]!, broker["DistributionPort"]!, "clientrequests")
            .WithHttpEndpoint(port: int.Parse(broker["ManagementPort"]!), name: "management", isProxied: false)
            // The management API answers 401 to an anonymous call once the node has booted: services wait for that.
            .WithHttpHealthCheck("/api/overview", statusCode: 401, endpointName: "management")
            .WithEnvironment("RABBITMQ_AMQP_PORT", broker["AmqpPort"]!);
    }

    /// <summary>
    /// Runs eng/postgres-server.sh in the foreground: a server whose data lives under .data/postgres, on Postgres:Port,
    /// password login over TCP (a private server on loopback; the password is in appsettings, not a secret).
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddPrivatePostgres(this IDistributedApplicationBuilder builder, string root)
    {
        var postgres = builder.Configuration.GetSection("Postgres");
        return builder.AddExecutable("postgres", "bash", root,
            Path.Combine(root, "eng", "postgres-server.sh"), "run", Path.Combine(root, ".data", "postgres"), postgres["Port"]!, postgres["Password"]!);
    }

    /// <summary>The connection string of one service's database on the private server (created by its first migration).</summary>
    public static string PostgresConnectionString(this IDistributedApplicationBuilder builder, string database)
    {
        var postgres = builder.Configuration.GetSection("Postgres");
        return $"Host=127.0.0.1;Port={postgres["Port"]};Username=postgres;Password={postgres["Password"]};Database={database}";
    }

    /// <summary>A platform service: its SQLite files under .data, the broker, demo data on first start.</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ExecutableResource> broker, string root) where TProject : IProjectMetadata, new()
    {
        var amqpPort = builder.Configuration["Broker:AmqpPort"];
        return builder.AddProject<TProject>(name)
            .WithEnvironment("ConnectionStrings__rabbitmq", $"amqp://guest:guest@127.0.0.1:{amqpPort}/")
            .WithEnvironment("Data__Folder", Path.Combine(root, ".data"))
            .WithEnvironment("Database__SeedDemoData", "true")
            .WaitFor(broker);
    }
}

static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClientRequests.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
