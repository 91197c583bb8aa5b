namespace ClientRequests.Notifications.Domain;

/// <summary>Local times between which no e-mail is sent; Start after End spans midnight (22:00 to 07:00).</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Includes(TimeOnly time) => Start < End ? time >= Start && time < End : time >= Start || time < End;
}
