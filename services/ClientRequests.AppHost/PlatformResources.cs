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
