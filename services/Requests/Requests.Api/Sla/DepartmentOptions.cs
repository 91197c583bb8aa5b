using ClientRequests.Requests.Domain;

namespace ClientRequests.Requests.Sla;

/// <summary>Bound from <c>Sla:Departments:{code}</c>: the seed's OLA for one department.</summary>
public sealed class DepartmentOptions
{
    /// <summary>The department's own calendar; the account teams' when not set.</summary>
    public CalendarOptions? Calendar { get; set; }
    /// <summary>The OLA for every priority not in <see cref="Priorities"/>; the <c>Sla:Ola</c> default when not set.</summary>
    public TimeSpan? Resolution { get; set; }
    public Dictionary<Priority, TimeSpan> Priorities { get; set; } = [];
}
