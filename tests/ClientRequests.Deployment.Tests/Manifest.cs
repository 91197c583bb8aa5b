using YamlDotNet.RepresentationModel;

namespace ClientRequests.Deployment.Tests;

/// <summary>A thin, null-tolerant view over one rendered Kubernetes object.</summary>
public sealed record Manifest(YamlMappingNode Root)
{
    public string Kind => Root.Str("kind") ?? "";
    public string Name => Root.Map("metadata")?.Str("name") ?? "";
    public string? Label(string key) => Root.Map("metadata")?.Map("labels")?.Str(key);
    public YamlMappingNode? Spec => Root.Map("spec");

    /// <summary>The pod spec of a Deployment, StatefulSet or Job.</summary>
    public YamlMappingNode? PodSpec => Spec?.Map("template")?.Map("spec");
    public IReadOnlyList<YamlMappingNode> Containers => PodSpec?.Seq("containers") ?? [];

    public override string ToString() => $"{Kind}/{Name}";
}

public static class Yaml
{
    public static YamlMappingNode? Map(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    public static IReadOnlyList<YamlMappingNode> Seq(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode seq
            ? seq.Children.OfType<YamlMappingNode>().ToList()
            : [];

    public static IReadOnlyList<string> Strings(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];

    public static string? Str(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    public static string? Path(this YamlMappingNode? node, params string[] keys)
    {
        for (var i = 0; i < keys.Length - 1 && node is not null; i++)
        {
            node = node.Map(keys[i]);
        }

        return node?.Str(keys[^1]);
    }

    /// <summary>Plain env values by name (valueFrom entries map to null).</summary>
    public static Dictionary<string, string?> Env(this YamlMappingNode container) =>
        container.Seq("env").ToDictionary(e => e.Str("name")!, e => e.Str("value"));
}
