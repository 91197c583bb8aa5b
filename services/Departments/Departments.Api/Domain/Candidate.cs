namespace ClientRequests.Departments.Domain;

/// <summary>A member as load-aware assignment sees them: what they can do, hold, and already hold.</summary>
public sealed record Candidate(string UserId, IReadOnlyCollection<string> Skills, int Capacity, int Load, long LastAssignedTurn)
{
    public bool CanTake(IReadOnlyCollection<string> requiredSkills) =>
        Load < Capacity && requiredSkills.All(skill => Skills.Contains(skill, StringComparer.OrdinalIgnoreCase));
}
