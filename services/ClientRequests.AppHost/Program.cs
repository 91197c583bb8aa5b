using ClientRequests.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var root = RepositoryRoot.Find();

// A private RabbitMQ node: Aspire.Hosting.RabbitMQ needs a container engine, which not every machine has.
var broker = builder.AddPrivateRabbitMq(root);

// ./run.sh --production: PostgreSQL and two instances of every service (ADR 0024); SQLite and one of each otherwise.
if (string.Equals(builder.Configuration["Platform:Production"], "true", StringComparison.OrdinalIgnoreCase))
    builder.AddProductionShape(broker, root);
else
    builder.AddDevelopmentShape(broker, root);

builder.Build().Run();
