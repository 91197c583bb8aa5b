using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Activity sources of the libraries we rely on, beside ASP.NET Core and HttpClient.</summary>
    static readonly string[] Sources = ["MassTransit", "Microsoft.EntityFrameworkCore", "ClientRequests.*", "Yarp.ReverseProxy"];

    public static TBuilder AddTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Without an exporter the SDK would record every span, metric and log record for no reader: about 15 % of
        // the gateway's CPU per proxied call (docs/benchmarks.md). The activities ASP.NET Core and HttpClient create on
        // their own still carry the trace context and the correlation id to the services. With an exporter, the
        // standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG variables choose how much is sampled.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "ClientRequests.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());

        telemetry.UseOtlpExporter();
        return builder;
    }
}
