namespace ClientRequests.Requests.Domain;

/// <summary>A department cannot be withdrawn: it has no open part in this round, or its work has started.</summary>
public sealed record WithdrawalRefused(string DepartmentCode, RequestWorkItemStatus? State, string Message);
