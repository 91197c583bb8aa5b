namespace ClientRequests.Departments.Domain;

public enum DepartmentMode
{
    /// <summary>This service consumes the department's queue into the human work queue.</summary>
    Managed,
    /// <summary>The department's own system consumes its queue and publishes progress events.</summary>
    External,
}

public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public DepartmentMode Mode { get; set; }
    public string? LeadId { get; set; }
    public List<Member> Members { get; init; } = [];

    /// <summary>The durable RabbitMQ queue the requests service sends this department's work items to.</summary>
    public static string QueueName(string code) => $"department-{code}";
}

public sealed class Member
{
    public required string DepartmentCode { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public List<string> Skills { get; set; } = [];
    /// <summary>The most work items the member holds at once.</summary>
    public int Capacity { get; set; } = 10;
}
