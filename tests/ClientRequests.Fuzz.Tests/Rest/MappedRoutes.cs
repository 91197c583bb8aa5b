using System.Text.RegularExpressions;
using ClientRequests.TestKit;

namespace ClientRequests.Fuzz.Tests.Rest;

/// <summary>
/// The route handlers a service's source maps (MapGet/MapPost/...), counted from the code itself: the check that the
/// OpenAPI document the fuzzer works from leaves no endpoint out (for example one excluded from the description).
/// </summary>
public static partial class MappedRoutes
{
    public static int Count(string service)
    {
        var project = Platform.Services.Single(s => s.Name == service).Project;
        return Directory.EnumerateFiles(Path.Combine(Repository.Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Sum(f => MapCall().Count(File.ReadAllText(f)));
    }

    [GeneratedRegex(@"\.Map(Get|Post|Put|Delete|Patch)\(")]
    private static partial Regex MapCall();
}
