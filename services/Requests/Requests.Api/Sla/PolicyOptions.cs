using ClientRequests.Requests.Domain;

namespace ClientRequests.Requests.Sla;

/// <summary>Bound from <c>Sla:Policies</c>: the seed's targets for one type (or "*") and priority.</summary>
public sealed class PolicyOptions
{
    public string Type { get; set; } = "*";
    public Priority Priority { get; set; }
    public TimeSpan? FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }
}
