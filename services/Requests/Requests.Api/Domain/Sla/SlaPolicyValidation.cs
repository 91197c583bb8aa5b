namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// Checks a whole policy document before it becomes a version: every error names its field (<c>targets[2].resolution</c>,
/// <c>calendar.holidays[0]</c>). Department codes are checked by the caller against the departments service (the owner of
/// the list); this returns only what needs no I/O.
/// </summary>
public static class SlaPolicyValidation
{
    public const int CodeMax = 40;

    public static Dictionary<string, string[]> Validate(SlaPolicyDocument policy, IReadOnlyCollection<string> requestTypes)
    {
        var errors = new Errors();
        if (policy.AtRiskFraction is not { } fraction || !(fraction > 0 && fraction < 1))
            errors.Add("atRiskFraction", "'atRiskFraction' is required and lies strictly between 0 and 1 (0.8: at risk from 80 % of a target).");

        if (policy.Calendar is null) errors.Add("calendar", "'calendar' (the account teams' business calendar) is required.");
        else Calendar(policy.Calendar, "calendar", errors);

        Targets(policy.Targets, requestTypes, errors);
        PerPriority(policy.Ola, "ola", required: true, errors);

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (policy.Departments?.Count ?? 0); i++)
        {
            var field = $"departments[{i}]";
            if (policy.Departments![i] is not { } department) { errors.Add(field, $"'{field}' is empty."); continue; }
            if (string.IsNullOrWhiteSpace(department.Code) || department.Code.Length > CodeMax)
                errors.Add($"{field}.code", $"'{field}.code' is required (at most {CodeMax} characters).");
            else if (!codes.Add(department.Code)) errors.Add($"{field}.code", $"Department '{department.Code}' is listed twice.");
            if (department.Calendar is not null) Calendar(department.Calendar, $"{field}.calendar", errors);
            if (department.Resolution is not null) Target(department.Resolution, $"{field}.resolution", errors);
            PerPriority(department.Priorities, $"{field}.priorities", required: false, errors);
        }
        return errors;
    }

    static void Calendar(CalendarDocument calendar, string field, Errors errors)
    {
        if (!SlaText.TryZone(calendar.TimeZone, out _))
            errors.Add($"{field}.timeZone", $"'{field}.timeZone' is not a known time zone: use an IANA id such as Europe/Paris or UTC.");
        if (calendar.Days is not { Count: > 0 }) errors.Add($"{field}.days", $"'{field}.days' needs at least one working day.");
        for (var i = 0; i < (calendar.Days?.Count ?? 0); i++)
            if (!SlaText.TryDay(calendar.Days![i], out _))
                errors.Add($"{field}.days[{i}]", $"'{calendar.Days[i]}' is not a day of the week (Monday … Sunday).");
        var open = SlaText.TryTime(calendar.Open, out var opens);
        var close = SlaText.TryTime(calendar.Close, out var closes);
        if (!open) errors.Add($"{field}.open", $"'{field}.open' is a time of day such as 09:00.");
        if (!close) errors.Add($"{field}.close", $"'{field}.close' is a time of day such as 17:00 (23:59:59.9999999 for the end of the day).");
        if (open && close && closes <= opens)
            errors.Add($"{field}.close", $"'{field}.close' ({calendar.Close}) must be after '{field}.open' ({calendar.Open}).");
        for (var i = 0; i < (calendar.Holidays?.Count ?? 0); i++)
            if (!SlaText.TryDate(calendar.Holidays![i], out _))
                errors.Add($"{field}.holidays[{i}]", $"'{calendar.Holidays[i]}' is not a date of the form yyyy-MM-dd.");
    }

    static void Targets(List<TargetDocument>? targets, IReadOnlyCollection<string> requestTypes, Errors errors)
    {
        var seen = new HashSet<(string, Priority)>();
        for (var i = 0; i < (targets?.Count ?? 0); i++)
        {
            var field = $"targets[{i}]";
            if (targets![i] is not { } target) { errors.Add(field, $"'{field}' is empty."); continue; }
            var type = target.Type?.Trim();
            var knownType = type == "*" || (type is not null && requestTypes.Contains(type, StringComparer.OrdinalIgnoreCase));
            if (!knownType)
                errors.Add($"{field}.type", $"'{target.Type}' is not a request type: use one of {string.Join(", ", requestTypes)} or * for every type.");
            if (!SlaText.TryPriority(target.Priority, out var priority))
                errors.Add($"{field}.priority", $"'{field}.priority' is one of P1, P2, P3, P4.");
            else if (knownType && !seen.Add((type!.ToLowerInvariant(), priority)))
                errors.Add(field, $"A target for {type} × {priority} is listed earlier: the first match wins, so this one could never apply.");
            if (target.FirstResponse is not null) Target(target.FirstResponse, $"{field}.firstResponse", errors);
            Target(target.Resolution, $"{field}.resolution", errors);
        }
        var uncovered = Enum.GetValues<Priority>().Where(p => !seen.Contains(("*", p))).ToList();
        if (uncovered.Count > 0)
            errors.Add("targets", $"Every priority needs a target for type '*', so every request has a clock; missing: {string.Join(", ", uncovered)}.");
    }

    static void PerPriority(List<PriorityTarget>? targets, string field, bool required, Errors errors)
    {
        var seen = new HashSet<Priority>();
        for (var i = 0; i < (targets?.Count ?? 0); i++)
        {
            if (targets![i] is null) { errors.Add($"{field}[{i}]", $"'{field}[{i}]' is empty."); continue; }
            if (!SlaText.TryPriority(targets[i].Priority, out var priority))
                errors.Add($"{field}[{i}].priority", $"'{field}[{i}].priority' is one of P1, P2, P3, P4.");
            else if (!seen.Add(priority)) errors.Add($"{field}[{i}].priority", $"{priority} is listed twice in '{field}'.");
            Target(targets[i].Resolution, $"{field}[{i}].resolution", errors);
        }
        var missing = Enum.GetValues<Priority>().Where(p => !seen.Contains(p)).ToList();
        if (required && missing.Count > 0)
            errors.Add(field, $"'{field}' needs a target for every priority; missing: {string.Join(", ", missing)}.");
    }

    static void Target(string? text, string field, Errors errors)
    {
        if (!SlaText.TryDuration(text, out var target))
            errors.Add(field, $"'{field}' is a duration of business time such as 08:00:00 or 1.08:00:00 (days.hours:minutes:seconds).");
        else if (target <= TimeSpan.Zero) errors.Add(field, $"'{field}' must be longer than zero (it is {text}).");
        else if (target > SlaText.MaxTarget) errors.Add(field, $"'{field}' may be at most {SlaText.Duration(SlaText.MaxTarget)}.");
    }

    /// <summary>The first message per field: one field, one thing to fix.</summary>
    sealed class Errors : Dictionary<string, string[]>
    {
        public void Add(string field, string message) => TryAdd(field, [message]);
    }
}
