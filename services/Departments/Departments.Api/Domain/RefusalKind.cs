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
