namespace ClientRequests.Notifications.Email;

public enum EmailTransport
{
    Pickup,
    Smtp,
}
