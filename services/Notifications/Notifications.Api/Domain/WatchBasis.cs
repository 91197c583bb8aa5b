namespace ClientRequests.Notifications.Domain;

/// <summary>Why a user may watch a request, checked when they start watching.</summary>
public enum WatchBasis
{
    /// <summary>Admins and analysts read every request.</summary>
    Reader,
    /// <summary>On the client's account team; re-checked at each delivery, since teams change and we hear of it.</summary>
    AccountTeam,
    /// <summary>Staff of a department with a work item on the request.</summary>
    Department,
}
