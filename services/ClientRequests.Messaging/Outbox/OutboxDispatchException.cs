namespace ClientRequests.Messaging.Outbox;

public sealed class OutboxDispatchException(int failed, int total, Exception first)
    : Exception($"{failed} of {total} outbox messages could not be published.", first);
