namespace ClientRequests.Clients.Domain;

public enum ClientTier { Strategic, Key, Standard }

public enum ClientStatus { Prospect, Active, Churned }

/// <summary>A company the platform serves, in the book of one account manager.</summary>
public sealed class Client
{
    public const int NameMaxLength = 200;
    public const int IndustryMaxLength = 100;
    public const int NotesMaxLength = 4000;

    public required Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Upper-cased, trimmed name: the unique index on it makes names unique per manager regardless of case.</summary>
    public string NormalizedName { get; private set; } = "";
    public required string Industry { get; set; }
    public ClientTier Tier { get; set; }
    public ClientStatus Status { get; set; }
    public required string AccountManagerId { get; set; }
    public string? Notes { get; set; }
    public List<Contact> Contacts { get; init; } = [];
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>Optimistic concurrency: bumped on every change, so two editors cannot both win.</summary>
    public int Version { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>Keeps <see cref="NormalizedName"/> in step with <see cref="Name"/>; call after setting the name.</summary>
    public void Touch()
    {
        NormalizedName = Normalize(Name);
        Version++;
    }
}

public sealed class Contact
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;

    public required Guid Id { get; init; }
    public required Guid ClientId { get; init; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>The names used on the wire (REST, gRPC, events): lower case, as the issue spells them.</summary>
public static class WireNames
{
    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
