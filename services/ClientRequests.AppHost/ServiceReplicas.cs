using Aspire.Hosting.ApplicationModel;

namespace ClientRequests.AppHost;

/// <summary>The instances of one service in the production shape, known to the others by one logical name.</summary>
public sealed record ServiceReplicas(string Name, IReadOnlyList<IResourceBuilder<ProjectResource>> Instances);

public static class ServiceReplicaExtensions
{
    public const int InstancesPerService = 2;

    /// <summary>
    /// Two instances of a service on its PostgreSQL database. The first keeps the service's usual ports; the others
    /// listen 10 and 20 above them (clients 5110/5111, ...). Each starts when the one before is ready, so the first
    /// creates, migrates and seeds the database alone.
    /// </summary>
    public static ServiceReplicas AddReplicas<TProject>(this IDistributedApplicationBuilder builder, string name, int index,
        IResourceBuilder<ExecutableResource> broker, IResourceBuilder<ExecutableResource> postgres, string root)
        where TProject : IProjectMetadata, new()
    {
        var instances = new List<IResourceBuilder<ProjectResource>>();
        for (var i = 0; i < InstancesPerService; i++)
        {
            var instance = builder.AddService<TProject>(i == 0 ? name : $"{name}-{i + 1}", broker, root)
                .WithEnvironment("Database__Provider", "PostgreSql")
                .WithEnvironment($"ConnectionStrings__{name}", builder.PostgresConnectionString(name))
                .WaitFor(postgres);
            if (i > 0)
            {
                var offset = 10 * i;
                instance.WithEndpoint("http", e => e.Port += offset).WithEndpoint("grpc", e => e.Port += offset).WaitFor(instances[^1]);
            }
            instances.Add(instance);
        }
        return new ServiceReplicas(name, instances);
    }

    /// <summary>services__{name}__http__{i} and __grpc__{i} for every instance: one logical name, several endpoints.</summary>
    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> target, ServiceReplicas service)
        where T : IResourceWithEnvironment
    {
        for (var i = 0; i < service.Instances.Count; i++)
        {
            target.WithEnvironment($"services__{service.Name}__http__{i}", service.Instances[i].GetEndpoint("http"));
            target.WithEnvironment($"services__{service.Name}__grpc__{i}", service.Instances[i].GetEndpoint("grpc"));
        }
        return target;
    }
}
