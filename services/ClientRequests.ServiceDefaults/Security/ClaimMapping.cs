using System.Security.Claims;
using System.Text.Json;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// Turns a provider's validated claims into the platform's identity (<see cref="PlatformClaims"/>): the user id, name
/// and e-mail from the configured claims; roles and department codes from the configured claims, where a value is
/// either a platform role / department code itself or a key of <see cref="AuthOptions.RoleMap"/> / <see cref="AuthOptions.DepartmentMap"/>.
/// Values that are neither are dropped, so a provider's unrelated groups grant nothing. Other claims (scope, client id) pass through.
/// </summary>
public sealed class ClaimMapping
{
    static readonly HashSet<string> PlatformTypes = [PlatformClaims.UserId, PlatformClaims.Name, PlatformClaims.Email, PlatformClaims.Role, PlatformClaims.Department];

    readonly ClaimNames names;
    readonly Dictionary<string, string[]> roleMap;
    readonly Dictionary<string, string[]> departmentMap;

    public ClaimMapping(AuthOptions options)
    {
        names = options.Claims;
        roleMap = new(options.RoleMap, StringComparer.OrdinalIgnoreCase);
        departmentMap = new(options.DepartmentMap, StringComparer.OrdinalIgnoreCase);
        var unknown = roleMap.SelectMany(p => p.Value.Where(r => !Roles.All.Contains(r)).Select(r => $"{p.Key} → {r}")).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Auth:RoleMap names roles the platform does not have ({string.Join(", ", unknown)}); the roles are {string.Join(", ", Roles.All)}.");
    }

    /// <summary>The default names with no tables: the embedded provider's tokens as they are.</summary>
    public static ClaimMapping Default { get; } = new(new AuthOptions());

    public ClaimsIdentity Map(ClaimsIdentity source)
    {
        var identity = new ClaimsIdentity(source.AuthenticationType, PlatformClaims.UserId, PlatformClaims.Role);
        var issuer = source.Claims.FirstOrDefault()?.Issuer ?? ClaimsIdentity.DefaultIssuer;
        void Add(string type, string value) => identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, issuer));

        if (First(source, names.UserId) is { } id) Add(PlatformClaims.UserId, id);
        if (First(source, names.Name) is { } name) Add(PlatformClaims.Name, name);
        if (First(source, names.Email) is { } email) Add(PlatformClaims.Email, email);

        var roleValues = names.Roles.SelectMany(n => Values(source, n)).ToList();
        var departmentValues = names.Departments.SelectMany(n => Values(source, n)).ToList();
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var departments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in roleValues.Concat(departmentValues))
        {
            if (roleMap.TryGetValue(value, out var mappedRoles)) roles.UnionWith(mappedRoles);
            if (departmentMap.TryGetValue(value, out var mappedDepartments)) departments.UnionWith(mappedDepartments);
        }
        roles.UnionWith(roleValues.Where(v => Roles.All.Contains(v)));
        departments.UnionWith(departmentValues.Where(v => !roleMap.ContainsKey(v) && !departmentMap.ContainsKey(v)));
        foreach (var role in roles.Order()) Add(PlatformClaims.Role, role);
        foreach (var code in departments.Order()) Add(PlatformClaims.Department, code);

        var mappedSources = new HashSet<string>([names.UserId, names.Name, names.Email, .. names.Roles, .. names.Departments], StringComparer.Ordinal);
        foreach (var claim in source.Claims)
            if (!PlatformTypes.Contains(claim.Type) && !mappedSources.Contains(claim.Type))
                identity.AddClaim(claim.Clone(identity));
        return identity;
    }

    static string? First(ClaimsIdentity source, string name) => Values(source, name).FirstOrDefault();

    /// <summary>A claim's values: one claim per value, a JSON array, or a dotted path into a JSON object claim.</summary>
    static IEnumerable<string> Values(ClaimsIdentity source, string name)
    {
        var dot = name.IndexOf('.');
        if (dot < 0)
        {
            foreach (var claim in source.FindAll(name))
            {
                if (claim.Value.StartsWith('[')) { foreach (var v in Strings(Parse(claim.Value))) yield return v; }
                else if (claim.Value.Length > 0) yield return claim.Value;
            }
            yield break;
        }
        foreach (var claim in source.FindAll(name[..dot]))
        {
            var element = Parse(claim.Value);
            foreach (var segment in name[(dot + 1)..].Split('.'))
                element = element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(segment, out var child) ? child : null;
            foreach (var v in Strings(element)) yield return v;
        }
    }

    static JsonElement? Parse(string json)
    {
        try { return JsonDocument.Parse(json).RootElement; }
        catch (JsonException) { return null; }
    }

    static IEnumerable<string> Strings(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        { ValueKind: JsonValueKind.String } text => [text.GetString()!],
        _ => [],
    };
}
