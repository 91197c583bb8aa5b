using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClientRequests.TestKit;

/// <summary>The few calls of RabbitMQ's management API the tests need.</summary>
public static class Management
{
    public static HttpClient Client(Uri managementUri)
    {
        var http = new HttpClient { BaseAddress = managementUri, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        return http;
    }

    public static async Task CreateVirtualHostAsync(Uri managementUri, string virtualHost)
    {
        using var http = Client(managementUri);
        var name = Uri.EscapeDataString(virtualHost);
        (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
    }

    /// <summary>Messages in a queue (ready and unacknowledged), or null when there is no such queue.</summary>
    public static async Task<int?> QueueDepthAsync(Uri managementUri, string virtualHost, string queue)
    {
        using var http = Client(managementUri);
        var response = await http.GetAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }
}
