using ClientRequests.Messaging;
using MassTransit;

namespace Microsoft.Extensions.Hosting;

/// <summary>Bound from the <c>Messaging</c> section.</summary>
public sealed class MessagingOptions
{
    /// <summary>Declare queues as quorum queues (a RabbitMQ cluster); classic durable queues otherwise.</summary>
    public bool QuorumQueues { get; set; }
    /// <summary>Attempts after the first before a message is moved to its <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 3;
    /// <summary>Attempts after the first on a passing failure (<see cref="TransientFailure"/>): about 3.5 minutes.</summary>
    public int TransientRetryLimit { get; set; } = 12;
    public int PrefetchCount { get; set; } = 32;
    /// <summary>Prefix of this service's queue names; defaults to the service's name ("requests.").</summary>
    public string? EndpointPrefix { get; set; }

    public void ConfigureQueue(IReceiveEndpointConfigurator endpoint)
    {
        if (QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();
    }
}
