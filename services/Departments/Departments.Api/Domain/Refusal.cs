namespace ClientRequests.Departments.Domain;

/// <summary>Why a transition was refused, in words an API caller can act on.</summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Message);
