using GraphQL;
using GraphQL.Validation.Complexity;

namespace ClientRequests.Gateway.GraphQL;

/// <summary>The `first` argument every connection takes: its bound, what it costs, and the error past it.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Max = 200;

    /// <summary>A page multiplies what each node asks for by the size the caller chose.</summary>
    public static FieldComplexityResult Cost(FieldImpactContext context) =>
        new(1, Math.Clamp(context.GetArgument("first", Default), 1, Max));

    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", Default);
        if (first is < 1 or > Max) throw new ExecutionError($"'first' must be between 1 and {Max}.") { Code = "BAD_REQUEST" };
        return first;
    }
}
