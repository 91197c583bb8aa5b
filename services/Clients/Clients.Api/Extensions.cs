using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Clients.Consumers;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Data;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Clients;

public static class Extensions
{
    /// <summary>Who may read clients over REST: the account teams, analysts and admins (not department staff).</summary>
    public const string ClientReaderPolicy = "client-reader";

    public static IHostApplicationBuilder AddClientsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ClientsDbContext, SqliteClientsDbContext, SqlServerClientsDbContext, PostgreSqlClientsDbContext>("clients");
        builder.Services.AddScoped<IDemoDataSeeder<ClientsDbContext>, DemoData>();
        builder.AddMessaging<ClientsDbContext>(bus =>
        {
            bus.AddConsumer<RequestSubmittedConsumer>();
            bus.AddConsumer<RequestStatusChangedConsumer>();
            bus.AddConsumer<SatisfactionRecordedConsumer>();
            bus.AddConsumer<SlaBreachedConsumer>();
            bus.AddConsumer<SlaAtRiskConsumer>();
        });

        builder.Services.AddAuthorizationBuilder().AddPolicy(ClientReaderPolicy,
            policy => policy.RequireRole(Roles.AccountManager, Roles.AccountExecutive, Roles.Analyst, Roles.Admin));
        builder.AddSettings<KnownManagers>(KnownManagers.Section);
        builder.Services.AddGrpc();
        builder.Services.AddOpenApi();
        return builder;
    }
}
