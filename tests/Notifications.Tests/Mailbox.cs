using MimeKit;

namespace Notifications.Tests;

/// <summary>Reads the .eml files the service wrote to its pickup folder.</summary>
public static class Mailbox
{
    public static string FolderOf(NotificationsApp app) => Path.Combine(app.DataFolder, "mail");

    public static async Task<List<MimeMessage>> ReadAsync(NotificationsApp app)
    {
        var folder = FolderOf(app);
        if (!Directory.Exists(folder)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.eml")) messages.Add(await MimeMessage.LoadAsync(file));
        return messages;
    }

    public static async Task<List<MimeMessage>> EventuallyAsync(NotificationsApp app, Func<List<MimeMessage>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var messages = await ReadAsync(app);
        while (!condition(messages) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            messages = await ReadAsync(app);
        }
        return messages;
    }
}
