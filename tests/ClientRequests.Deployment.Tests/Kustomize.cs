using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ClientRequests.Deployment.Tests;

/// <summary>Renders an overlay with the real <c>kubectl kustomize</c> and parses every document.</summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Manifest>>> Rendered = new();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static IReadOnlyList<Manifest> Render(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<IReadOnlyList<Manifest>>(() => Parse(Run(o)))).Value;

    private static string Run(string overlay)
    {
        var path = Path.Combine(RepoRoot, "k8s", "overlays", overlay);
        var start = new ProcessStartInfo("kubectl", ["kustomize", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            // Deliberately a failure, not a skip: CI must install kubectl (which bundles kustomize).
            throw new InvalidOperationException(
                "kubectl is not installed or not on PATH: these tests render k8s/ with `kubectl kustomize`. " +
                "Install kubectl 1.27 or newer (it bundles kustomize v5) and run again.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {path} did not finish in 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {path} failed ({process.ExitCode}): {stderr.Result}");
            }

            return stdout.Result;
        }
    }

    private static List<Manifest> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Select(node => new Manifest(node))
            .ToList();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClientRequests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ClientRequests.sln not found above " + AppContext.BaseDirectory);
    }
}
