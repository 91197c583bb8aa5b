using Xunit.Sdk;
using Xunit.v3;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>Rows run in the order the tables list them (their display names start with the row number).</summary>
public sealed class TableOrder : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(t => t.TestCaseDisplayName, StringComparer.Ordinal).ToList();
}
