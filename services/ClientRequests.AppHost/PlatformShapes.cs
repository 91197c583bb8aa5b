using Aspire.Hosting.ApplicationModel;

namespace ClientRequests.AppHost;

/// <summary>The two ways the platform runs on one machine.</summary>
public static class PlatformShapes
{
    /// <summary>One instance of each service, each on its SQLite files.</summary>
    public static void AddDevelopmentShape(this IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> broker,
        IResourceBuilder<ProjectResource> identity, string root)
    {
        var clients = builder.AddService<Projects.Clients_Api>("clients", broker, root);
        var departments = builder.AddService<Projects.Departments_Api>("departments", broker, root);
        var requests = builder.AddService<Projects.Requests_Api>("requests", broker, root)
            .WithReference(clients).WithReference(departments);
        var notifications = builder.AddService<Projects.Notifications_Api>("notifications", broker, root)
            .WithReference(clients);

        builder.AddGateway(broker, identity, root)
            .WithReference(clients).WithReference(departments).WithReference(requests).WithReference(notifications);
    }

    /// <summary>
    /// The production shape: a private PostgreSQL server, two instances of every service sharing their service's
    /// database, and service discovery that gives each logical name both instances' endpoints (the gateway balances).
    /// </summary>
    public static void AddProductionShape(this IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> broker,
        IResourceBuilder<ProjectResource> identity, string root)
    {
        var postgres = builder.AddPrivatePostgres(root);
        var clients = builder.AddReplicas<Projects.Clients_Api>("clients", 0, broker, postgres, root);
        var requests = builder.AddReplicas<Projects.Requests_Api>("requests", 1, broker, postgres, root);
        var departments = builder.AddReplicas<Projects.Departments_Api>("departments", 2, broker, postgres, root);
        var notifications = builder.AddReplicas<Projects.Notifications_Api>("notifications", 3, broker, postgres, root);
        foreach (var requestsInstance in requests.Instances) requestsInstance.WithReplicas(clients).WithReplicas(departments);
        foreach (var notificationsInstance in notifications.Instances) notificationsInstance.WithReplicas(clients);

        builder.AddGateway(broker, identity, root)
            .WithReplicas(clients).WithReplicas(departments).WithReplicas(requests).WithReplicas(notifications)
            // Probes every instance's /health/ready and stops sending to one that is down or not ready.
            .WithEnvironment("Gateway__ReplicaHealthChecks", "true");
    }

    static IResourceBuilder<ProjectResource> AddGateway(this IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> broker,
        IResourceBuilder<ProjectResource> identity, string root) =>
        builder.AddProject<Projects.ClientRequests_Gateway>("gateway")
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("Data__Folder", Path.Combine(root, ".data"))
            // Subscriptions are fed by the platform's events (ADR 0014).
            .WithEnvironment("ConnectionStrings__rabbitmq", $"amqp://guest:guest@127.0.0.1:{builder.Configuration["Broker:AmqpPort"]}/")
            .WaitFor(broker);
}
