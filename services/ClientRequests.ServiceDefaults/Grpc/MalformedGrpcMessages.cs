using System.Collections.Concurrent;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientRequests.ServiceDefaults.Grpc;

/// <summary>
/// grpc-dotnet answers a request message it cannot parse with <c>Unknown</c> ("Exception was thrown by handler"),
/// the gRPC twin of a 500. This reads a unary call's message first and answers <c>InvalidArgument</c> (or
/// <c>ResourceExhausted</c> past the size limit) when it is not a valid message of the method's request type.
/// </summary>
public static class MalformedGrpcMessages
{
    /// <summary>grpc-dotnet's default receive limit.</summary>
    const int MaxMessageBytes = 4 * 1024 * 1024;
    const int FrameHeaderBytes = 5;
    static readonly ConcurrentDictionary<IMethod, Func<byte[], object?>> Parsers = new();

    public static IApplicationBuilder UseMalformedGrpcMessagesAsInvalidArgument(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is not { Type: MethodType.Unary } || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        var body = new MemoryStream();
        if (!await CopyAtMostAsync(context.Request.Body, body, MaxMessageBytes + FrameHeaderBytes, context.RequestAborted))
        {
            await AnswerAsync(context, StatusCode.ResourceExhausted, $"The request message is larger than {MaxMessageBytes} bytes.");
            return;
        }
        if (Problem(method, body.ToArray()) is { } problem)
        {
            await AnswerAsync(context, StatusCode.InvalidArgument, problem);
            return;
        }
        body.Position = 0;
        context.Request.Body = body;
        await next(context);
    });

    /// <summary>Why the framed message is not a valid request of <paramref name="method"/>; null when it is (or is compressed).</summary>
    public static string? Problem(IMethod method, byte[] frame)
    {
        if (frame.Length < FrameHeaderBytes) return "The request has no complete gRPC message frame.";
        if (frame[0] != 0) return null; // compressed: grpc-dotnet decompresses and checks it
        var length = (frame[1] << 24) | (frame[2] << 16) | (frame[3] << 8) | frame[4];
        if (length != frame.Length - FrameHeaderBytes) return "The gRPC message frame's length does not match its content.";
        try
        {
            Parsers.GetOrAdd(method, ParserFor)(frame[FrameHeaderBytes..]);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"The request is not a valid {method.FullName} message: {e.Message}";
        }
    }

    static Func<byte[], object?> ParserFor(IMethod method)
    {
        var marshaller = method.GetType().GetProperty("RequestMarshaller")!.GetValue(method)!;
        var requestType = marshaller.GetType().GetGenericArguments()[0];
        return (Func<byte[], object?>)typeof(MalformedGrpcMessages).GetMethod(nameof(Parser), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(requestType).Invoke(null, [marshaller])!;
    }

    static Func<byte[], object?> Parser<T>(Marshaller<T> marshaller) => bytes => marshaller.ContextualDeserializer(new Payload(bytes));

    /// <summary>The message as grpc-dotnet hands it to a (generated, contextual) deserializer.</summary>
    sealed class Payload(byte[] bytes) : DeserializationContext
    {
        public override int PayloadLength => bytes.Length;
        public override byte[] PayloadAsNewBuffer() => (byte[])bytes.Clone();
        public override System.Buffers.ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(bytes);
    }

    static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > limit) return false;
            target.Write(buffer, 0, read);
        }
        return true;
    }

    /// <summary>A trailers-only gRPC response: the status travels in the headers and there is no message.</summary>
    static Task AnswerAsync(HttpContext context, StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return context.Response.CompleteAsync();
    }
}
