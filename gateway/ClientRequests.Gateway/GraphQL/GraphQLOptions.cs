namespace ClientRequests.Gateway.GraphQL;

/// <summary>Bound from <c>Gateway:GraphQL</c>: the limits every GraphQL request meets (OWASP API4).</summary>
public sealed class GraphQLOptions
{
    public const string Section = "Gateway:GraphQL";
    public int MaxDepth { get; set; } = 8;
    /// <summary>Aliases count: each aliased field is analysed like a field of its own.</summary>
    public int MaxComplexity { get; set; } = 2000;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Operations one batched POST may carry.</summary>
    public int MaxBatch { get; set; } = 5;
}
