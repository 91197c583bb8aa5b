using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// Eureka's REST API over a private HttpClient. Private on purpose: the platform's HttpClient defaults add
/// service discovery and resilience handlers, and the registry client must not resolve through itself
/// nor retry behind our own schedule.
/// </summary>
public sealed partial class EurekaHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _serviceUrls;
    private readonly ILogger<EurekaHttpClient> _logger;

    public EurekaHttpClient(IOptions<EurekaClientOptions> options, ILogger<EurekaHttpClient> logger)
    {
        _serviceUrls = options.Value.GetServiceUrls();
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<EurekaCallResult> RegisterAsync(EurekaInstance instance, CancellationToken ct) =>
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"apps/{Esc(instance.App)}")
        {
            Content = new StringContent(EurekaJson.RegistrationBody(instance), Encoding.UTF8, "application/json"),
        }, ct);

    public Task<EurekaCallResult> UpdateStatusAsync(EurekaInstance instance, string status, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Put,
            $"apps/{Esc(instance.App)}/{Esc(instance.InstanceId)}/status?value={Esc(status)}"), ct);

    public Task<EurekaCallResult> RenewAsync(EurekaInstance instance, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Put,
            $"apps/{Esc(instance.App)}/{Esc(instance.InstanceId)}?status={Esc(instance.Status)}"), ct);

    public Task<EurekaCallResult> CancelAsync(EurekaInstance instance, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Delete,
            $"apps/{Esc(instance.App)}/{Esc(instance.InstanceId)}"), ct);

    /// <summary>Full registry (<c>apps/</c>) or delta (<c>apps/delta</c>); throws when no server gives a usable answer.</summary>
    public async Task<EurekaApplications> GetApplicationsAsync(bool delta, CancellationToken ct)
    {
        Exception? last = null;
        foreach (var baseUrl in _serviceUrls)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(baseUrl, delta ? "apps/delta" : "apps/"), ct);
                response.EnsureSuccessStatusCode();
                return EurekaJson.ParseApplications(await response.Content.ReadAsStringAsync(ct));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Timeouts surface as TaskCanceledException; malformed bodies as JsonException. Either way: next server.
                Log.ServerFailed(_logger, baseUrl, delta ? "delta fetch" : "full fetch", ex.Message);
                last = ex;
            }
        }

        throw new HttpRequestException("No Eureka server answered the registry fetch.", last);
    }

    private async Task<EurekaCallResult> SendAsync(Func<HttpRequestMessage> create, CancellationToken ct)
    {
        foreach (var baseUrl in _serviceUrls)
        {
            using var request = create();
            request.RequestUri = new Uri(baseUrl, request.RequestUri!.OriginalString);
            try
            {
                using var response = await _http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    return EurekaCallResult.Ok;
                }

                // 404 is an answer (the server does not know the instance), not an outage: do not fail over.
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return EurekaCallResult.NotFound;
                }

                Log.ServerFailed(_logger, baseUrl, $"{request.Method} {request.RequestUri.AbsolutePath}", $"HTTP {(int)response.StatusCode}");
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Log.ServerFailed(_logger, baseUrl, $"{request.Method} {request.RequestUri.AbsolutePath}", ex.Message);
            }
        }

        return EurekaCallResult.Failed;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    public void Dispose() => _http.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Eureka server {BaseUrl} failed during {Operation}: {Reason}")]
        public static partial void ServerFailed(ILogger logger, Uri baseUrl, string operation, string reason);
    }
}
