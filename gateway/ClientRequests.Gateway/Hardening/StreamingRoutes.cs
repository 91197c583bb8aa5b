using Yarp.ReverseProxy.Model;

namespace ClientRequests.Gateway.Hardening;

/// <summary>
/// Routes whose metadata says <c>"ResponseBuffering": "off"</c> (Server-Sent Events) get every event to the caller as it
/// arrives: nothing in the gateway may hold the response back waiting for more bytes.
/// </summary>
public static class StreamingRoutes
{
    public const string MetadataKey = "ResponseBuffering";

    public static IReverseProxyApplicationBuilder UseUnbufferedStreams(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var route = context.GetReverseProxyFeature().Route.Config;
            if (route.Metadata?.TryGetValue(MetadataKey, out var value) == true && string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            await next();
        });
        return proxy;
    }
}
