using ClientRequests.ServiceDefaults.Problems;

namespace ClientRequests.Departments.Apis;

/// <summary>A member as an admin writes them.</summary>
public sealed record MemberInput(string? Name, List<string>? Skills, int? Capacity)
{
    public const int MaxCapacity = 100_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Text(Name, "name", 200);
        errors.Require(Skills is null || (Skills.Count <= 50 && Skills.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 60)), "skills",
            "'skills' holds at most 50 non-empty skills of at most 60 characters.");
        errors.Require(Capacity is null or >= 1 and <= MaxCapacity, "capacity", $"'capacity' must be between 1 and {MaxCapacity}.");
        return errors;
    }
}
