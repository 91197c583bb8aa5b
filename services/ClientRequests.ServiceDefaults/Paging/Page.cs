namespace ClientRequests.ServiceDefaults.Paging;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
