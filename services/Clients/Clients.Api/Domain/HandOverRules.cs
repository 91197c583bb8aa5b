namespace ClientRequests.Clients.Domain;

/// <summary>
/// What makes a hand-over or a team change bad input, decided from what the handlers read (no I/O here). Each answer
/// names the field: 400 when the value can never be right, 409 when the current state forbids it.
/// </summary>
public static class HandOverRules
{
    public sealed record Refusal(string Field, int Status, string Title, string Detail);

    public static Refusal? HandOver(string currentManagerId, string newManagerId, bool newIsExecutive, bool newIsKnownManager)
    {
        if (newIsExecutive)
            return new("accountManagerId", 400, "Not an account manager.", $"'{newManagerId}' is an account executive, not an account manager.");
        if (!newIsKnownManager)
            return new("accountManagerId", 400, "Unknown account manager.", $"'{newManagerId}' is not a known account manager.");
        if (newManagerId == currentManagerId)
            return new("accountManagerId", 409, "Already the account manager.", $"'{newManagerId}' already manages this client; nothing was changed.");
        return null;
    }

    public static Refusal? Assign(string executiveId, string managerId, string? reportsTo, bool managerIsExecutive, bool managerIsKnown, bool executiveHasBook)
    {
        if (managerIsExecutive)
            return new("managerId", 400, "Not an account manager.", $"'{managerId}' is an account executive, not an account manager.");
        if (!managerIsKnown)
            return new("managerId", 400, "Unknown account manager.", $"'{managerId}' is not a known account manager.");
        if (executiveHasBook)
            return new("executiveId", 400, "An account manager, not an executive.", $"'{executiveId}' is the account manager of clients; hand those over first.");
        if (reportsTo is not null && reportsTo != managerId)
            return new("managerId", 409, "The executive reports to another manager.",
                $"'{executiveId}' reports to '{reportsTo}'; release them from that team first, so that no one is on two teams.");
        return null;
    }
}
