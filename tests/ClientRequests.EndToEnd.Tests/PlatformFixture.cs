using ClientRequests.TestKit;

[assembly: AssemblyFixture(typeof(ClientRequests.EndToEnd.Tests.PlatformFixture))]

namespace ClientRequests.EndToEnd.Tests;

/// <summary>One running platform for the whole assembly: starting five processes costs seconds, not milliseconds.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Platform = await Platform.StartAsync();

    public async ValueTask DisposeAsync() => await Platform.DisposeAsync();
}

public static class DemoClients
{
    public static readonly Guid Acme = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Globex = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid Initech = Guid.Parse("33333333-3333-3333-3333-333333333333");
}
