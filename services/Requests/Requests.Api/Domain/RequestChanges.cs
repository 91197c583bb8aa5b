namespace ClientRequests.Requests.Domain;

/// <summary>What an edit of an open request changes; null leaves a field as it is.</summary>
public sealed record RequestChanges(Priority? Priority = null, string? Title = null, string? Description = null,
    DateTimeOffset? WantedBy = null, bool ClearWantedBy = false, IReadOnlyList<string>? Tags = null);
