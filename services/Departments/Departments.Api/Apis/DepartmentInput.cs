using System.Text.RegularExpressions;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Problems;

namespace ClientRequests.Departments.Apis;

/// <summary>A department as an admin writes it; <see cref="Validate"/> names every wrong field.</summary>
public sealed partial record DepartmentInput(string? Code, string? Name, string? Mode, string? LeadId, bool? LoadAware,
    TimeOnly? OpensAt, TimeOnly? ClosesAt, List<string>? WorkDays, string? TimeZone)
{
    /// <summary>Paths under /api/departments that are not department codes.</summary>
    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "routing-rules" };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,38}$")]
    private static partial Regex CodePattern();

    public FieldErrors Validate(bool creating)
    {
        var errors = new FieldErrors();
        if (creating)
            errors.Require(Code is not null && CodePattern().IsMatch(Code) && !Reserved.Contains(Code), "code",
                "'code' must be 1 to 39 lower-case letters, digits or dashes (it names the queue department-{code}), and not 'routing-rules'.");
        errors.Text(Name, "name", 200);
        errors.Require(Mode is null || (Enum.TryParse<DepartmentMode>(Mode, true, out var mode) && Enum.IsDefined(mode)), "mode", "'mode' must be 'managed' or 'external'.");
        errors.Text(LeadId, "leadId", 100, required: false);
        errors.Require(WorkDays is null || (WorkDays.Count > 0 && WorkDays.All(d => Enum.TryParse<DayOfWeek>(d, true, out var day) && Enum.IsDefined(day))),
            "workDays", "'workDays' must list at least one day name (Monday ... Sunday).");
        errors.Require(TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _), "timeZone", "'timeZone' must be an IANA time zone id such as 'Europe/Paris'.");
        errors.Require((OpensAt ?? new TimeOnly(9, 0)) < (ClosesAt ?? new TimeOnly(17, 0)), "closesAt", "'closesAt' must be after 'opensAt'.");
        return errors;
    }

    public void ApplyTo(Department department)
    {
        department.Name = Name!;
        department.Mode = Mode is null ? DepartmentMode.Managed : Enum.Parse<DepartmentMode>(Mode, true);
        department.LeadId = string.IsNullOrWhiteSpace(LeadId) ? null : LeadId;
        department.LoadAware = LoadAware ?? false;
        department.OpensAt = OpensAt ?? new TimeOnly(9, 0);
        department.ClosesAt = ClosesAt ?? new TimeOnly(17, 0);
        department.WorkDays = WorkDays is null ? [.. Department.Weekdays] : WorkDays.Select(d => Enum.Parse<DayOfWeek>(d, true)).Distinct().ToList();
        department.TimeZone = TimeZone ?? "UTC";
    }
}
