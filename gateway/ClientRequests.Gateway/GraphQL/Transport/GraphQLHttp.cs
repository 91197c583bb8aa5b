using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using global::GraphQL;
using global::GraphQL.Execution;
using global::GraphQL.Transport;
using GraphQLParser.AST;

namespace ClientRequests.Gateway.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec; ADR 0024): POST application/json with one operation or a small batch,
/// GET for queries. The answer's media type follows <c>Accept</c> (<see cref="ResponseMediaType"/>). In
/// application/graphql-response+json: 200 when the operation ran, 400 when it could not (syntax, validation, limits,
/// variables), 504 when the execution timed out. In application/json (legacy clients) every GraphQL response is 200,
/// errors in the body. Either way: 400 for a request that is not one (not JSON, no query), 405 for a mutation over GET,
/// 415 for any other body. Subscriptions: see <see cref="GraphQLSse"/> (406 when the caller does not accept
/// text/event-stream).
/// </summary>
public static class GraphQLHttp
{
    public const string Path = "/graphql";

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireAuthorization(Policies.AnyUser).WithTags("GraphQL");
        group.MapPost("/", PostAsync);
        group.MapGet("/", GetAsync);
        return app;
    }

    static async Task PostAsync(HttpContext context, IGraphQLTextSerializer serializer, GraphQLExecution execution, GraphQLOptions options)
    {
        if (!context.Request.HasJsonContentType())
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: "POST /graphql takes application/json.").ExecuteAsync(context);
            return;
        }
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        List<GraphQLRequest>? batch;
        GraphQLRequest? single = null;
        try
        {
            var batched = body.TrimStart().StartsWith('[');
            batch = batched ? serializer.Deserialize<List<GraphQLRequest>>(body) : null;
            if (!batched) single = serializer.Deserialize<GraphQLRequest>(body);
        }
        catch (JsonException)
        {
            await WriteAsync(context, serializer, Refusal("The body is not a GraphQL request in JSON."), StatusCodes.Status400BadRequest);
            return;
        }

        if (batch is null)
        {
            if (single is not null && OperationOf(single.Query ?? "", single.OperationName) == OperationType.Subscription)
            {
                if (GraphQLSse.IsWanted(context)) await GraphQLSse.StreamAsync(context, serializer, execution, single);
                else await WriteAsync(context, serializer, Refusal("Subscriptions are served as text/event-stream."), StatusCodes.Status406NotAcceptable);
                return;
            }
            // Without a query string it is not a GraphQL-over-HTTP request at all: 400 whatever the media type.
            if (single is not { Query.Length: > 0 })
                await WriteAsync(context, serializer, Refusal(single is null ? "The body is empty." : "'query' is required."), StatusCodes.Status400BadRequest);
            else await WriteResultAsync(context, serializer, await execution.ExecuteAsync(context, single));
            return;
        }
        if (batch.Count == 0 || batch.Count > options.MaxBatch)
        {
            await WriteAsync(context, serializer, Refusal($"A batch carries 1 to {options.MaxBatch} operations."), StatusCodes.Status400BadRequest);
            return;
        }
        // One after another: a batch must not multiply the load a single caller puts on the services at once.
        var results = new List<ExecutionResult>();
        foreach (var request in batch)
            results.Add(OperationOf(request.Query ?? "", request.OperationName) == OperationType.Subscription
                ? Refusal("A subscription is sent alone, as text/event-stream.")
                : await execution.ExecuteAsync(context, request));
        await WriteAsync(context, serializer, results, StatusCodes.Status200OK);
    }

    static async Task GetAsync(HttpContext context, IGraphQLTextSerializer serializer, GraphQLExecution execution)
    {
        var query = context.Request.Query["query"].ToString();
        var operationName = context.Request.Query["operationName"].ToString() is { Length: > 0 } name ? name : null;
        Inputs? variables = null;
        try
        {
            if (context.Request.Query["variables"].ToString() is { Length: > 0 } json) variables = serializer.Deserialize<Inputs>(json);
        }
        catch (JsonException)
        {
            await WriteAsync(context, serializer, Refusal("'variables' is not a JSON object."), StatusCodes.Status400BadRequest);
            return;
        }
        if (query.Length == 0)
        {
            await WriteAsync(context, serializer, Refusal("'query' is required."), StatusCodes.Status400BadRequest);
            return;
        }
        // GET must be safe: only queries run over it, so a link or a prefetch can never change anything.
        if (OperationOf(query, operationName) is OperationType.Mutation or OperationType.Subscription)
        {
            context.Response.Headers.Allow = "POST";
            await WriteAsync(context, serializer, Refusal("Mutations are sent with POST."), StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await WriteResultAsync(context, serializer,
            await execution.ExecuteAsync(context, new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables }));
    }

    /// <summary>The kind of operation that would run; null when the document does not parse (the executor answers that).</summary>
    internal static OperationType? OperationOf(string query, string? operationName)
    {
        try
        {
            var operations = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var chosen = operationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
            return chosen?.Operation;
        }
        // Syntax errors and documents nested past the parser's depth limit alike: the executor reports either as a GraphQL error.
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes what the executor answered. application/json is always 200: a legacy client cannot tell a 4xx from a
    /// proxy's, so only a 200 tells it the body is a GraphQL response (the spec's rule for that media type).
    /// </summary>
    internal static Task WriteResultAsync(HttpContext context, IGraphQLTextSerializer serializer, ExecutionResult result) =>
        WriteAsync(context, serializer, result,
            ResponseMediaType.For(context.Request) == ResponseMediaType.Json ? StatusCodes.Status200OK
            : result.Errors?.Any(e => e is TimeoutError) == true ? StatusCodes.Status504GatewayTimeout
            : result.Executed ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest);

    static ExecutionResult Refusal(string message) =>
        new() { Executed = false, Errors = [new ExecutionError(message) { Code = "BAD_REQUEST" }] };

    internal static async Task WriteAsync<T>(HttpContext context, IGraphQLTextSerializer serializer, T result, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ResponseMediaType.For(context.Request) + "; charset=utf-8";
        await ((IGraphQLSerializer)serializer).WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
