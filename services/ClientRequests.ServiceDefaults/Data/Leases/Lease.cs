namespace ClientRequests.ServiceDefaults.Data.Leases;

/// <summary>
/// The right to run one periodic job (<see cref="Name"/>) across the replicas of a service until
/// <see cref="ExpiresAt"/>. The holder renews it on every run; when it dies, the lease runs out and another takes it.
/// </summary>
public sealed class Lease
{
    public const int NameMax = 100;
    public const int HolderMax = 200;

    public string Name { get; init; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
