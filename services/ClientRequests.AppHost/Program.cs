using ClientRequests.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var root = RepositoryRoot.Find();

// A private RabbitMQ node: Aspire.Hosting.RabbitMQ needs a container engine, which not every machine has.
var broker = builder.AddPrivateRabbitMq(root);

// The embedded OpenID Connect provider; the services and the gateway validate its tokens through the gateway at
// /identity (Auth:Authority defaults to http://localhost:5000/identity/ in Development).
var identity = builder.AddProject<Projects.Identity_Api>("identity")
    .WithEnvironment("Data__Folder", Path.Combine(root, ".data"));

// ./run.sh --production: PostgreSQL and two instances of every service (ADR 0031); SQLite and one of each otherwise.
if (string.Equals(builder.Configuration["Platform:Production"], "true", StringComparison.OrdinalIgnoreCase))
    builder.AddProductionShape(broker, identity, root);
else
    builder.AddDevelopmentShape(broker, identity, root);

builder.Build().Run();
