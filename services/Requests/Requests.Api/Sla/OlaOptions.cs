using ClientRequests.Requests.Domain;

namespace ClientRequests.Requests.Sla;

/// <summary>Bound from <c>Sla:Ola</c>: the OLA of a department that sets none, per priority.</summary>
public sealed class OlaOptions
{
    public TimeSpan P1 { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan P2 { get; set; } = TimeSpan.FromHours(16);
    public TimeSpan P3 { get; set; } = TimeSpan.FromHours(32);
    public TimeSpan P4 { get; set; } = TimeSpan.FromHours(64);

    public TimeSpan For(Priority priority) => priority switch { Priority.P1 => P1, Priority.P2 => P2, Priority.P3 => P3, _ => P4 };
}
