using System.Threading.Channels;
using global::GraphQL;
using global::GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;

namespace ClientRequests.Gateway.GraphQL.Transport;

/// <summary>
/// Subscriptions over Server-Sent Events (the GraphQL-over-SSE "distinct connections" mode): a POST that accepts
/// text/event-stream gets one <c>next</c> event per result and a <c>complete</c> event when the stream ends.
/// </summary>
public static class GraphQLSse
{
    public const string MediaType = "text/event-stream";

    public static bool IsWanted(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true);

    public static async Task StreamAsync(HttpContext context, IGraphQLTextSerializer serializer, GraphQLExecution execution, GraphQLRequest request)
    {
        var result = await execution.ExecuteAsync(context, request);
        if (result.Streams is not { Count: > 0 } streams)
        {
            await GraphQLHttp.WriteResultAsync(context, serializer, result);
            return;
        }

        context.Response.ContentType = MediaType;
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // Results arrive on the streams' threads; one reader writes them, so events never interleave.
        var results = Channel.CreateUnbounded<ExecutionResult>();
        var observer = new Forward(results.Writer, streams.Count);
        var subscriptions = streams.Values.Select(stream => stream.Subscribe(observer)).ToList();
        try
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var next in results.Reader.ReadAllAsync(context.RequestAborted))
                await WriteEventAsync(context, "next", serializer.Serialize(next));
            await WriteEventAsync(context, "complete", "");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller closed the stream.
        }
        finally
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
        }
    }

    static async Task WriteEventAsync(HttpContext context, string name, string data)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    sealed class Forward(ChannelWriter<ExecutionResult> writer, int streams) : IObserver<ExecutionResult>
    {
        int open = streams;

        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error)
        {
            // Only our own errors carry a message meant for the caller.
            var message = error is ExecutionError ? error.Message : "The subscription failed.";
            writer.TryWrite(new ExecutionResult { Errors = [new ExecutionError(message)] });
            OnCompleted();
        }

        public void OnCompleted()
        {
            if (Interlocked.Decrement(ref open) == 0) writer.TryComplete();
        }
    }
}
