using ClientRequests.Messaging;
using ClientRequests.Messaging.Inbox;
using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClientRequests.Messaging.Tests;

/// <summary>A tiny service for the tests: entries are written with an announcing event; a consumer applies deposits.</summary>
public class LedgerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        model.Entity<Tag>().HasKey(t => t.Name);
    }

}

public sealed class SqliteLedgerDbContext(DbContextOptions<SqliteLedgerDbContext> options) : LedgerDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class PostgreSqlLedgerDbContext(DbContextOptions<PostgreSqlLedgerDbContext> options) : LedgerDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

public sealed class SqlServerLedgerDbContext(DbContextOptions<SqlServerLedgerDbContext> options) : LedgerDbContext(options);

public sealed class Entry
{
    public Guid Id { get; init; }
    public string Note { get; init; } = "";
}

/// <summary>A row two messages may both find missing and both insert.</summary>
public sealed class Tag
{
    public string Name { get; init; } = "";
}

public record TagUsed
{
    public required string Tag { get; init; }
}

/// <summary>Holds the first two deliveries after their "is it there?" check until both have made it, so both insert.</summary>
public sealed class TagRace
{
    readonly TaskCompletionSource bothChecked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int arrived;
    readonly List<int> busRetryAttempts = [];

    public IReadOnlyList<int> BusRetryAttempts { get { lock (busRetryAttempts) return busRetryAttempts.ToList(); } }

    public void Applying(int busRetryAttempt) { lock (busRetryAttempts) busRetryAttempts.Add(busRetryAttempt); }

    public Task CheckedAsync()
    {
        if (Interlocked.Increment(ref arrived) == 2) bothChecked.TrySetResult();
        return bothChecked.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>Inserts the tag when it is missing: the insert-if-absent that two events about one request both do.</summary>
public sealed class TagConsumer(LedgerDbContext db, TimeProvider clock, TagRace race) : IdempotentConsumer<TagUsed, LedgerDbContext>(db, clock)
{
    protected override string InboxName => "TagConsumer";

    protected override async Task ApplyAsync(ConsumeContext<TagUsed> context)
    {
        race.Applying(context.GetRetryAttempt());
        if (await Db.Tags.AnyAsync(t => t.Name == context.Message.Tag, context.CancellationToken)) return;
        await race.CheckedAsync();
        Db.Tags.Add(new Tag { Name = context.Message.Tag });
    }
}

public record EntryWritten
{
    public required Guid EntryId { get; init; }
    public required string Note { get; init; }
}

public record DepositMade
{
    public required Guid DepositId { get; init; }
}

/// <summary>Applies a deposit by writing an entry: applied twice, there would be two entries.</summary>
public sealed class DepositConsumer(LedgerDbContext db, TimeProvider clock) : IdempotentConsumer<DepositMade, LedgerDbContext>(db, clock)
{
    // Not the class name: the inbox keys on what is declared, so renaming the class changes nothing.
    protected override string InboxName => "ledger-deposits";

    protected override Task ApplyAsync(ConsumeContext<DepositMade> context)
    {
        Db.Entries.Add(new Entry { Id = Guid.NewGuid(), Note = $"deposit {context.Message.DepositId}" });
        return Task.CompletedTask;
    }
}

/// <summary>Records every EntryWritten delivery it sees, duplicates included.</summary>
public sealed class EntryWrittenRecorder(Received received) : IConsumer<EntryWritten>
{
    public Task Consume(ConsumeContext<EntryWritten> context)
    {
        received.Add(context.Message, context.MessageId);
        received.Correlations[context.Message.EntryId] = CorrelationId.Current;
        return Task.CompletedTask;
    }
}

public sealed class Received
{
    readonly List<(EntryWritten Message, Guid? MessageId)> items = [];
    public IReadOnlyList<(EntryWritten Message, Guid? MessageId)> Items { get { lock (items) return items.ToList(); } }
    public void Add(EntryWritten message, Guid? messageId) { lock (items) items.Add((message, messageId)); }
    /// <summary>The correlation id current in the consumer, per entry.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<Guid, string?> Correlations { get; } = new();

    public async Task<bool> WaitForAsync(Func<IReadOnlyList<(EntryWritten Message, Guid? MessageId)>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Items)) return true;
            await Task.Delay(50);
        }
        return condition(Items);
    }
}

public static class LedgerHost
{
    public static Task<IHost> StartAsync(string amqpUri, string databaseFile, bool waitForBus = true, int databaseTimeoutSeconds = 30) =>
        StartAsync(amqpUri, services => services.AddDbContext<LedgerDbContext, SqliteLedgerDbContext>((provider, options) => options
            .UseSqlite($"Data Source={databaseFile};Default Timeout={databaseTimeoutSeconds}")
            .AddInterceptors(provider.GetServices<IInterceptor>())), waitForBus);

    /// <summary>
    /// A replica on a PostgreSQL database (several may share one); <paramref name="settings"/> override the
    /// configuration, <paramref name="race"/> is shared when replicas must meet in one race.
    /// </summary>
    public static Task<IHost> StartOnPostgreSqlAsync(string amqpUri, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null, TagRace? race = null) =>
        StartAsync(amqpUri, services => services.AddDbContext<LedgerDbContext, PostgreSqlLedgerDbContext>((provider, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>())), true, settings, race);

    static async Task<IHost> StartAsync(string amqpUri, Action<IServiceCollection> addDatabase, bool waitForBus,
        IReadOnlyDictionary<string, string>? settings = null, TagRace? race = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:rabbitmq"] = amqpUri;
        builder.Configuration["Messaging:Outbox:PollInterval"] = "00:00:00.200";
        builder.Configuration["Messaging:RetryLimit"] = "1";
        builder.Services.AddSingleton<Received>();
        if (race is null) builder.Services.AddSingleton<TagRace>();
        else builder.Services.AddSingleton(race);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.Configuration[key] = value;
        // Publishing before the consumers' queues are bound would drop the message: wait for them.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = waitForBus);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        addDatabase(builder.Services);
        builder.AddMessaging<LedgerDbContext>(bus =>
        {
            bus.AddConsumer<DepositConsumer>();
            bus.AddConsumer<TagConsumer>();
            bus.AddConsumer<EntryWrittenRecorder>();
        });

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Database.EnsureCreatedAsync();
        await host.StartAsync();
        return host;
    }
}
