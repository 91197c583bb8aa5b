using ClientRequests.ServiceDefaults.Correlation;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClientRequests.Messaging;

/// <summary>
/// Takes up the correlation id a message carries (the outbox sends the one of the call that wrote it), so that what
/// the consumer logs, publishes and calls is under the same id as the call that started it all. A message without
/// one gets a new id.
/// </summary>
public sealed class CorrelationConsumeFilter<T>(ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = context.Headers.Get<string>(CorrelationId.Header);
        if (id is null || !CorrelationId.IsAcceptable(id)) id = Guid.NewGuid().ToString("N");
        using (CorrelationId.Begin(id))
        using (logger.BeginScope(new Dictionary<string, object> { [CorrelationId.LogScopeKey] = id }))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
