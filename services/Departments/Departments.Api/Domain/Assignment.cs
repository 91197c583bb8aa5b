namespace ClientRequests.Departments.Domain;

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
