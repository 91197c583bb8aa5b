namespace ClientRequests.TestKit;

public static class Repository
{
    /// <summary>The folder holding ClientRequests.sln, found from the test's output folder upwards.</summary>
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClientRequests.sln"))) return dir.FullName;
        throw new InvalidOperationException("ClientRequests.sln not found above " + AppContext.BaseDirectory);
    }
}
