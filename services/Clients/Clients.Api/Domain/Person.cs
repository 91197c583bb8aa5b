namespace ClientRequests.Clients.Domain;

/// <summary>
/// A person's display name, as their own token last carried it. The identity provider owns names; this copy lets the
/// account team be shown by name (ADR 0035). Learned when the person calls this service, or from the demo data.
/// </summary>
public sealed class Person
{
    public const int IdMaxLength = 100;
    public const int NameMaxLength = 200;

    public required string UserId { get; init; }
    public required string Name { get; set; }
    public required DateTimeOffset SeenAt { get; set; }
}
