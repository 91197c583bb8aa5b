using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Problems;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// The body of PATCH /api/requests/{id}: only the fields given change. <c>version</c> is the request's version the caller
/// read (or send it as If-Match); <c>clearWantedBy</c> removes the wished date.
/// </summary>
public sealed record RequestChangesBody(int? Version, string? Priority, string? Title, string? Description, DateTimeOffset? WantedBy,
    bool? ClearWantedBy, List<string>? Tags, List<string>? AddDepartments, List<string>? WithdrawDepartments)
{
    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Text(Title, "title", NewRequest.TitleMax, required: false)
            .Text(Description, "description", NewRequest.DescriptionMax, required: false)
            .Require(Title is null || Title.Trim().Length > 0, "title", "'title' cannot be blank.")
            .Require(Description is null || Description.Trim().Length > 0, "description", "'description' cannot be blank.")
            .Require(Priority is null || Enum.TryParse<Priority>(Priority, ignoreCase: false, out _) && !int.TryParse(Priority, out _), "priority",
                "'priority' must be one of P1, P2, P3, P4.")
            .Require(WantedBy is null || WantedBy > now, "wantedBy", "'wantedBy' must be in the future.")
            .Require(WantedBy is null || ClearWantedBy != true, "clearWantedBy", "'clearWantedBy' and 'wantedBy' cannot both be given.")
            .Require(Tags is null || Tags.Count <= NewRequest.TagsMax, "tags", $"At most {NewRequest.TagsMax} tags.")
            .Require(Tags is null || Tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= NewRequest.TagMax), "tags",
                $"Tags are non-empty and at most {NewRequest.TagMax} characters.");
        foreach (var (field, codes) in new[] { ("addDepartments", AddDepartments), ("withdrawDepartments", WithdrawDepartments) })
            errors.Require(codes is null || codes.Count <= NewRequest.DepartmentsMax && codes.All(c => !string.IsNullOrWhiteSpace(c) && c.Length <= 40),
                field, $"'{field}' holds at most {NewRequest.DepartmentsMax} department codes of at most 40 characters.");
        errors.Require(AddDepartments is null || WithdrawDepartments is null
                || !AddDepartments.Intersect(WithdrawDepartments, StringComparer.OrdinalIgnoreCase).Any(),
            "withdrawDepartments", "A department cannot be added and withdrawn in one edit.");
        errors.Require(Priority is not null || Title is not null || Description is not null || WantedBy is not null || ClearWantedBy == true
                || Tags is not null || AddDepartments is { Count: > 0 } || WithdrawDepartments is { Count: > 0 },
            "body", "Nothing to change: give at least one of priority, title, description, wantedBy, clearWantedBy, tags, addDepartments, withdrawDepartments.");
        return errors;
    }

    public RequestChanges Changes() => new(Priority is null ? null : Enum.Parse<Priority>(Priority), Title?.Trim(), Description, WantedBy,
        ClearWantedBy == true, Tags);
}
