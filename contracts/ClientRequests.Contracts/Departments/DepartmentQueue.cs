namespace ClientRequests.Contracts.Departments;

/// <summary>
/// Every department has a durable queue <c>department-{code}</c> receiving <see cref="AssignWorkItem"/>.
/// External departments' own systems consume it with this contracts package.
/// </summary>
public static class DepartmentQueue
{
    public static string Name(string code) => $"department-{code}";

    /// <summary>
    /// Where a sender sends to it. Sending to <c>queue:name</c> declares a classic queue, which the broker refuses
    /// over an existing quorum queue, so with quorum queues senders go through the queue's exchange instead and the
    /// departments service declares the queues.
    /// </summary>
    public static Uri Address(string code, bool quorumQueues) =>
        new(quorumQueues ? $"exchange:{Name(code)}" : $"queue:{Name(code)}");
}
