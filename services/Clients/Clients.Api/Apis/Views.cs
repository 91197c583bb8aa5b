using ClientRequests.Clients.Domain;

namespace ClientRequests.Clients.Apis;

public sealed record ContactView(Guid Id, string Name, string? Role, string? Email, string? Phone);

public sealed record ClientSummary(Guid Id, string Name, string Industry, string Tier, string Status, string AccountManagerId,
    DateTimeOffset RegisteredAt, int Version);

public sealed record ClientView(Guid Id, string Name, string Industry, string Tier, string Status, string AccountManagerId,
    IReadOnlyList<string> AccountExecutiveIds, string? Notes, IReadOnlyList<ContactView> Contacts, DateTimeOffset RegisteredAt, int Version);

public sealed record AccountTeamView(Guid ClientId, string AccountManagerId, IReadOnlyList<string> AccountExecutiveIds);

static class ViewMapping
{
    public static ContactView ToView(this Contact c) => new(c.Id, c.Name, c.Role, c.Email, c.Phone);

    public static ClientSummary ToSummary(this Client c) =>
        new(c.Id, c.Name, c.Industry, WireNames.Name(c.Tier), WireNames.Name(c.Status), c.AccountManagerId, c.RegisteredAt, c.Version);

    public static ClientView ToView(this Client c, IReadOnlyList<string> executives) =>
        new(c.Id, c.Name, c.Industry, WireNames.Name(c.Tier), WireNames.Name(c.Status), c.AccountManagerId, executives, c.Notes,
            c.Contacts.OrderBy(x => x.Name, StringComparer.Ordinal).Select(ToView).ToList(), c.RegisteredAt, c.Version);
}
