namespace ClientRequests.Departments.Domain;

/// <summary>A member as load-aware assignment sees them: what they can do, hold, and already hold.</summary>
public sealed record Candidate(string UserId, IReadOnlyCollection<string> Skills, int Capacity, int Load, long LastAssignedTurn)
{
    public bool CanTake(IReadOnlyCollection<string> requiredSkills) =>
        Load < Capacity && requiredSkills.All(skill => Skills.Contains(skill, StringComparer.OrdinalIgnoreCase));
}

public static class Assignment
{
    /// <summary>
    /// The least-loaded member who has the skills and is under capacity; among equally loaded members the one
    /// assigned longest ago (round robin). Null when nobody can take the item now: it waits in the queue.
    /// </summary>
    public static Candidate? Choose(IEnumerable<Candidate> members, IReadOnlyCollection<string> requiredSkills) =>
        members.Where(m => m.CanTake(requiredSkills))
            .OrderBy(m => m.Load)
            .ThenBy(m => m.LastAssignedTurn)
            .ThenBy(m => m.UserId, StringComparer.Ordinal)
            .FirstOrDefault();
}
