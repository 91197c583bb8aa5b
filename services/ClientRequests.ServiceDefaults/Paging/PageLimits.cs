namespace ClientRequests.ServiceDefaults.Paging;

public static class PageLimits
{
    public const int Default = 50;
    public const int Max = 200;

    public static bool IsValid(int? limit) => limit is null or >= 1 and <= Max;
}
