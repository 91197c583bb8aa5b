namespace ClientRequests.Departments.Apis;

public enum QueueOrder
{
    /// <summary>Oldest first (time in the queue).</summary>
    Age,
    /// <summary>Soonest due first: the items most at risk of missing their SLA lead.</summary>
    Sla,
}
