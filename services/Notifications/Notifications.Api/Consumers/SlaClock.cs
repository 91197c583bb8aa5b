using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>What both SLA events say: which clock, how far along, and who must act (a user, or "department-lead:{code}").</summary>
public sealed record SlaClock(Guid RequestId, Guid ClientId, string Clock, TimeSpan Elapsed, TimeSpan Target, string EscalateTo)
{
    public Recipient Escalation()
    {
        var target = Groups.Normalise(EscalateTo);
        return new Recipient(target, Groups.IsGroup(target) ? "you lead the department whose clock it is" : "the clock escalates to you");
    }

    public string Progress => $"The {Clock} clock has run {Format(Elapsed)} of its {Format(Target)} target.";

    static string Format(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{(int)span.TotalMinutes} min";
}
