using ClientRequests.ServiceDefaults.Correlation;
using global::GraphQL.Transport;
using global::GraphQL.Types;
using global::GraphQL;

namespace ClientRequests.Gateway.GraphQL.Transport;

/// <summary>Runs one operation for the HTTP caller: their user, their scope's loaders, their cancellation.</summary>
public sealed class GraphQLExecution(IDocumentExecuter executer, ISchema schema, GraphQLOptions limits, ILogger<GraphQLExecution> logger)
{
    public async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request)
    {
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.User = context.User;
            options.RequestServices = context.RequestServices;
            options.CancellationToken = context.RequestAborted;
            // Queries are cut off at the limit. A mutation is not: once the service has made the change, answering
            // "timed out" would only invite a retry that makes it twice (the service's own HTTP timeout bounds it).
            options.Timeout = GraphQLHttp.OperationOf(request.Query ?? "", request.OperationName) == GraphQLParser.AST.OperationType.Mutation
                ? Timeout.InfiniteTimeSpan
                : limits.Timeout;
            options.TimeoutAction = global::GraphQL.Execution.TimeoutAction.ReturnTimeoutError;
        });
        if (result.Errors is { Count: > 0 } errors)
            logger.LogInformation("GraphQL operation {Operation} answered {Count} errors (correlation {CorrelationId}): {Messages}",
                request.OperationName, errors.Count, CorrelationId.Current, string.Join("; ", errors.Select(e => e.Message)));
        return result;
    }
}
