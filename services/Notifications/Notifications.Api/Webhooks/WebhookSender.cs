using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClientRequests.Notifications.Domain;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace ClientRequests.Notifications.Webhooks;

/// <summary>
/// Sends one delivery signed by the Standard Webhooks specification (ADR 0025), with a bounded time and a bounded read
/// of the answer; never throws for the receiver's faults.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string EventHeader = "X-ClientRequests-Event";
    static readonly WebhookConfigurationOptions Headers = WebhookConfigurationOptions.StandardWebhooks;

    readonly HttpClient http;
    readonly WebhookOptions options;
    readonly TimeProvider clock;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookAddressGuard guard, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        // Our own handler, not the factory's defaults: no service discovery, no redirects (they would bypass the guard).
        http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public async Task<AttemptOutcome> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        // webhook-id is the delivery's: the same across retries and replays, so receivers can deduplicate on it.
        var (id, now) = (delivery.Id.ToString(), clock.GetUtcNow());
        request.Headers.Add(Headers.IdHeaderKey, id);
        request.Headers.Add(Headers.TimestampHeaderKey, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(Headers.SignatureHeaderKey, SignatureHeader(subscription.SigningKeysAt(now), id, now, delivery.Payload));
        request.Headers.Add(EventHeader, delivery.EventType);

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var answer = await ReadBoundedAsync(response.Content, deadline.Token);
            var code = (int)response.StatusCode;
            return new AttemptOutcome(response.IsSuccessStatusCode, code, response.IsSuccessStatusCode ? null : $"HTTP {code}", answer, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new AttemptOutcome(false, null, $"No complete answer within {options.Timeout.TotalSeconds:0.###} s.", null, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(false, null, e.Message, null, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// One <c>v1,</c> signature per key, space-separated; a receiver accepts the delivery when any matches. With several
    /// keys (a rotation's grace) the current key's signature is repeated at the end: the StandardWebhooks 1.1.2 verifier
    /// stops before the last signature of a list, so without it a receiver still on the old secret would refuse.
    /// </summary>
    internal static string SignatureHeader(IReadOnlyList<byte[]> keys, string id, DateTimeOffset timestamp, string payload)
    {
        var signatures = keys.Select(key => new StandardWebhook(key).Sign(id, timestamp, payload)).ToList();
        if (signatures.Count > 1) signatures.Add(signatures[0]);
        return string.Join(' ', signatures);
    }

    async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[options.MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public void Dispose() => http.Dispose();
}
