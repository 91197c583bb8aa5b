using ClientRequests.Messaging.Inbox;
using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.ServiceDefaults.Data.Leases;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.Messaging.Outbox;

public sealed class OutboxDispatchException(int failed, int total, Exception first)
    : Exception($"{failed} of {total} outbox messages could not be published.", first);
