namespace ClientRequests.Requests.Domain;

/// <summary>The request types this site uses: configuration (<c>Requests:Types</c>), not code.</summary>
public sealed class RequestTypes(IConfiguration configuration)
{
    public IReadOnlyCollection<string> Names { get; } =
        configuration.GetSection("Requests:Types").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : ["need", "complaint", "contract-change", "billing", "information", "other"];
}
