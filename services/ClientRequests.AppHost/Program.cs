using ClientRequests.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var root = RepositoryRoot.Find();

// A private RabbitMQ node: Aspire.Hosting.RabbitMQ needs a container engine, which not every machine has.
var broker = builder.AddPrivateRabbitMq(root);

// The embedded OpenID Connect provider; the services and the gateway validate its tokens through the gateway at
// /identity (Auth:Authority defaults to http://localhost:5000/identity/ in Development).
var identity = builder.AddProject<Projects.Identity_Api>("identity")
    .WithEnvironment("Data__Folder", Path.Combine(root, ".data"));

var clients = builder.AddService<Projects.Clients_Api>("clients", broker, root);
var departments = builder.AddService<Projects.Departments_Api>("departments", broker, root);
var requests = builder.AddService<Projects.Requests_Api>("requests", broker, root)
    .WithReference(clients).WithReference(departments);
var notifications = builder.AddService<Projects.Notifications_Api>("notifications", broker, root)
    .WithReference(clients);

builder.AddProject<Projects.ClientRequests_Gateway>("gateway")
    .WithReference(identity).WaitFor(identity)
    .WithReference(clients).WithReference(departments).WithReference(requests).WithReference(notifications)
    .WithEnvironment("Data__Folder", Path.Combine(root, ".data"))
    // Subscriptions are fed by the platform's events (ADR 0014).
    .WithEnvironment("ConnectionStrings__rabbitmq", $"amqp://guest:guest@127.0.0.1:{builder.Configuration["Broker:AmqpPort"]}/")
    .WaitFor(broker);

builder.Build().Run();
