namespace ClientRequests.AccessMatrix.Tests;

/// <summary>
/// One row of the REST matrix: an endpoint as the service's EndpointDataSource names it ("METHOD /route/pattern"), the
/// path and body a cell sends, and what each role gets about its own scope and (where the endpoint has one) a foreign one.
/// </summary>
public sealed record RestRow(string Endpoint, Func<Cell, string> Path, ByRole Own, ByRole? Foreign = null)
{
    public Func<Cell, object?>? Body { get; init; }
    public string? ContentType { get; init; }
    /// <summary>Server-Sent Events: an admitted caller's stream never ends, so only the status is read.</summary>
    public bool Streams { get; init; }
    /// <summary>Runs before each cell (as an admin), for rows whose allowed cells use up what they act on.</summary>
    public Func<MatrixFixture, Cell, Task<IReadOnlyDictionary<string, string>?>>? Prepare { get; init; }
    /// <summary>Why the row is as it is, when the table alone does not say.</summary>
    public string? Note { get; init; }

    public string Method => Endpoint.Split(' ')[0];
    public string Route => Endpoint.Split(' ')[1];
    /// <summary>The service that maps the route: the first segment after /api, but the SLA policy is the requests service's.</summary>
    public string Service => Route.Split('/', StringSplitOptions.RemoveEmptyEntries)[1] switch { "sla" => "requests", var service => service };

    public override string ToString() => Note is null ? Endpoint : $"{Endpoint} ({Note})";
}
