namespace ClientRequests.TestKit;

public static class Repository
{
    /// <summary>The folder holding ClientRequests.sln, found from the test's output folder upwards.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built with, and so the services.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory) is { Name: var framework, Parent: { } configuration } && framework.StartsWith("net")
            ? configuration.Name
            : "Debug";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClientRequests.sln"))) return dir.FullName;
        throw new InvalidOperationException("ClientRequests.sln not found above " + AppContext.BaseDirectory);
    }
}
