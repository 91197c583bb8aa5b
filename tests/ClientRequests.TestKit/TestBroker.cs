namespace ClientRequests.TestKit;

/// <summary>
/// The broker a test run shares. The test command starts one node and passes its ports in
/// <c>CLIENTREQUESTS_RABBITMQ_AMQP_PORT</c> / <c>CLIENTREQUESTS_RABBITMQ_MANAGEMENT_PORT</c>; without them
/// (a single project run from an IDE) the first test starts a private node for this process.
/// Each test gets its own virtual host, so tests never see each other's queues.
/// </summary>
public sealed class TestBroker
{
    static readonly Lazy<Task<TestBroker>> shared = new(CreateAsync);
    readonly RabbitMqNode? ownNode;
    readonly int amqpPort;
    readonly Uri managementUri;

    TestBroker(RabbitMqNode? ownNode, int amqpPort, Uri managementUri)
    {
        this.ownNode = ownNode;
        this.amqpPort = amqpPort;
        this.managementUri = managementUri;
    }

    public static Task<TestBroker> Shared => shared.Value;

    /// <summary>
    /// A broker on a node the caller started and owns (a benchmark that must not share the test run's node);
    /// disposing the node stays the caller's job.
    /// </summary>
    public static TestBroker On(RabbitMqNode node) => new(null, node.AmqpPort, node.ManagementUri);

    public int AmqpPort => amqpPort;

    /// <summary>The management API, for tests that check queues (depth, type) in their virtual host.</summary>
    public Uri ManagementUri => managementUri;

    /// <summary>Creates a fresh virtual host and returns its amqp:// URI.</summary>
    public async Task<string> NewVirtualHostAsync(string prefix = "test")
    {
        var virtualHost = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        await Management.CreateVirtualHostAsync(managementUri, virtualHost);
        return $"amqp://guest:guest@127.0.0.1:{amqpPort}/{Uri.EscapeDataString(virtualHost)}";
    }

    static async Task<TestBroker> CreateAsync()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("CLIENTREQUESTS_RABBITMQ_AMQP_PORT"), out var amqp) &&
            int.TryParse(Environment.GetEnvironmentVariable("CLIENTREQUESTS_RABBITMQ_MANAGEMENT_PORT"), out var management))
            return new TestBroker(null, amqp, new Uri($"http://127.0.0.1:{management}/"));

        var node = await RabbitMqNode.StartAsync("shared");
        // A throwaway node: killed at exit rather than stopped, so the test host is not held past its shutdown window.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.KillAsync().GetAwaiter().GetResult();
        return new TestBroker(node, node.AmqpPort, node.ManagementUri);
    }
}
