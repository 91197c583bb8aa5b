namespace ClientRequests.Departments.Domain;

/// <summary>A transition's outcome: the event to publish, or why nothing changed.</summary>
public sealed record Outcome(object? Event, Refusal? Refusal)
{
    public static Outcome Refused(RefusalKind kind, string field, string message) => new(null, new Refusal(kind, field, message));
}
