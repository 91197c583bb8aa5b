using ClientRequests.ServiceDefaults.Problems;

namespace ClientRequests.Requests.Domain;

/// <summary>The body of POST /api/requests. Everything is optional here so that validation can name what is missing.</summary>
public sealed record NewRequest(
    Guid? ClientId, string? Type, string? Priority, string? Title, string? Description,
    List<string>? Tags, DateTimeOffset? WantedBy, string? ExternalReference, List<string>? Departments)
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int TagsMax = 10;
    public const int TagMax = 40;
    public const int DepartmentsMax = 10;

    public FieldErrors Validate(IReadOnlyCollection<string> types, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Require(ClientId is not null && ClientId != Guid.Empty, "clientId", "'clientId' is required.")
            .Text(Type, "type", 60)
            .Text(Priority, "priority", 2)
            .Text(Title, "title", TitleMax)
            .Text(Description, "description", DescriptionMax)
            .Text(ExternalReference, "externalReference", 100, required: false);
        if (Type is not null)
            errors.Require(types.Contains(Type), "type", $"'type' must be one of: {string.Join(", ", types)}.");
        if (Priority is not null)
            errors.Require(Enum.TryParse<Priority>(Priority, ignoreCase: false, out _), "priority", "'priority' must be one of P1, P2, P3, P4.");
        errors.Require(Tags is null || Tags.Count <= TagsMax, "tags", $"At most {TagsMax} tags.");
        errors.Require(Tags is null || Tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= TagMax), "tags", $"Tags are non-empty and at most {TagMax} characters.");
        errors.Require(Departments is null || Departments.Count <= DepartmentsMax, "departments", $"At most {DepartmentsMax} departments.");
        errors.Require(Departments is null || Departments.All(d => !string.IsNullOrWhiteSpace(d) && d.Length <= 40), "departments", "Department codes are non-empty and at most 40 characters.");
        errors.Require(WantedBy is null || WantedBy > now, "wantedBy", "'wantedBy' must be in the future.");
        return errors;
    }
}
