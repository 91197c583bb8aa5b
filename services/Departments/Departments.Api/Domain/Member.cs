namespace ClientRequests.Departments.Domain;

public sealed class Member
{
    public required string DepartmentCode { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public List<string> Skills { get; set; } = [];
    /// <summary>The most work items the member holds at once.</summary>
    public int Capacity { get; set; } = 10;
    /// <summary>Round robin among equally loaded members: the member assigned longest ago (lowest turn) goes first.</summary>
    public long LastAssignedTurn { get; set; }
    /// <summary>Bumped whenever the member takes an item, so two claims racing past the capacity check cannot both win.</summary>
    public int Version { get; set; }
}
