namespace ClientRequests.ServiceDefaults.Problems;

/// <summary>Collects field errors for one request; empty means valid.</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors Require(bool ok, string field, string message)
    {
        if (!ok && !ContainsKey(field)) this[field] = [message];
        return this;
    }

    public FieldErrors Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Require(!required, field, $"'{field}' is required.");
        return Require(value.Length <= maxLength, field, $"'{field}' is longer than {maxLength} characters.");
    }
}
