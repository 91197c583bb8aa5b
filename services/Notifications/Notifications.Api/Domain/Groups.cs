namespace ClientRequests.Notifications.Domain;

/// <summary>
/// Group inboxes: a recipient id that stands for the staff or the leads of a department. This service hears of no
/// department membership events, so it cannot resolve a group to people; the token of each reader says which groups
/// are theirs (department claims, lead role) and the inbox shows the group's notifications beside the user's own.
/// </summary>
public static class Groups
{
    public const string LeadsPrefix = "department-lead:";
    public const string StaffPrefix = "department:";

    public static string LeadsOf(string departmentCode) => LeadsPrefix + departmentCode.ToLowerInvariant();

    public static string StaffOf(string departmentCode) => StaffPrefix + departmentCode.ToLowerInvariant();

    public static bool IsGroup(string recipientId) =>
        recipientId.StartsWith(LeadsPrefix, StringComparison.Ordinal) || recipientId.StartsWith(StaffPrefix, StringComparison.Ordinal);

    /// <summary>Escalation targets name either a user or "department-lead:{code}"; the code is normalised like our own group ids.</summary>
    public static string Normalise(string recipientId) =>
        recipientId.StartsWith(LeadsPrefix, StringComparison.OrdinalIgnoreCase) ? LeadsOf(recipientId[LeadsPrefix.Length..]) : recipientId;
}
