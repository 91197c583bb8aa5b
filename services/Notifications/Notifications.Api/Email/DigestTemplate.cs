using System.Text;
using ClientRequests.Notifications.Domain;

namespace ClientRequests.Notifications.Email;

/// <summary>One plain-text e-mail listing a user's notifications of the day, oldest first.</summary>
public static class DigestTemplate
{
    /// <summary>A digest stays readable; a busier day continues in the next message, sent right after.</summary>
    public const int MaxItems = 100;

    public const string Kind = "digest";

    public static OutgoingEmail Render(IReadOnlyList<Notification> items, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine("Hello,").AppendLine();
        text.AppendLine(items.Count == 1 ? "Here is what happened since your last digest:" : $"Here are the {items.Count} things that happened since your last digest:");
        foreach (var item in items)
        {
            text.AppendLine();
            // An item's subject is its immediate e-mail's; the prefix every subject carries would only repeat itself here.
            text.AppendLine($"- {item.Title.Replace("[ClientRequests] ", "")} ({item.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
            if (item.RequestId is { } requestId) text.AppendLine($"  Request id: {requestId}");
        }
        text.AppendLine().AppendLine("You receive this digest because your notification preferences ask for one.");
        var subject = $"[ClientRequests] Your digest: {items.Count} notification{(items.Count == 1 ? "" : "s")}";
        return new OutgoingEmail(items[0].Id, items[^1].Address!, subject, text.ToString(), Kind, now);
    }
}
