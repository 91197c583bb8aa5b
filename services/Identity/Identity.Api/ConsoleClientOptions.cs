namespace ClientRequests.Identity;

public sealed class ConsoleClientOptions
{
    public const string ClientId = "client-requests-console";

    /// <summary>Where the console is served; its sign-in callbacks are under <c>/console/</c> there. The issuer's origin when empty.</summary>
    public List<Uri> Origins { get; set; } = [];
}
