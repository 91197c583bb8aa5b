using System.Security.Claims;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Notifications.Apis;

/// <summary>Whose notifications a caller reads: their own, and the group inboxes their token puts them in.</summary>
public static class Inboxes
{
    public static List<string> Of(ClaimsPrincipal user)
    {
        var recipients = new List<string> { user.UserId() };
        var lead = user.IsInRole(Roles.DepartmentLead);
        // Admins read no group inbox: like a user's inbox, a department's is for its own people.
        if (!lead && !user.IsInRole(Roles.DepartmentAgent)) return recipients;
        foreach (var code in user.DepartmentCodes())
        {
            recipients.Add(Groups.StaffOf(code));
            if (lead) recipients.Add(Groups.LeadsOf(code));
        }
        return recipients;
    }
}
