namespace ClientRequests.Departments.Domain;

public enum DepartmentMode
{
    /// <summary>This service consumes the department's queue into the human work queue.</summary>
    Managed,
    /// <summary>The department's own system consumes its queue and publishes progress events.</summary>
    External,
}
