namespace ClientRequests.Departments.Domain;

public enum RefusalKind
{
    /// <summary>The input is wrong (400): <see cref="Refusal.Field"/> names the field.</summary>
    Invalid,
    /// <summary>The caller may not do this to this item (403).</summary>
    Forbidden,
    /// <summary>The item's state does not allow it (409): <see cref="Refusal.Field"/> names the state.</summary>
    Conflict,
}

/// <summary>Why a transition was refused, in words an API caller can act on.</summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Message);

/// <summary>Who acts: a lead of the item's department (or an admin) may act on items others hold.</summary>
public sealed record Actor(string UserId, bool IsLead);

/// <summary>A transition's outcome: the event to publish, or why nothing changed.</summary>
public sealed record Outcome(object? Event, Refusal? Refusal)
{
    public static Outcome Refused(RefusalKind kind, string field, string message) => new(null, new Refusal(kind, field, message));
}
