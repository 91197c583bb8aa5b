using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.Requests.Apis;
using MassTransit;

namespace Requests.Tests.Api;

/// <summary>Requests, waits and checks the API tests share.</summary>
public static class Scenario
{
    public static object Body(string type = "billing", Guid? clientId = null, string? externalReference = null, string[]? departments = null) => new
    {
        clientId = clientId ?? TestClients.Acme,
        type,
        priority = "P2",
        title = "Invoice charged twice",
        description = "Acme was charged twice for November.",
        externalReference,
        departments,
    };

    public static async Task<RequestView> OpenAsync(HttpClient client, string type = "billing", string[]? departments = null)
    {
        var response = await client.PostAsJsonAsync("/api/requests", Body(type, departments: departments));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestView>())!;
    }

    public static async Task<RequestView> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<RequestView>($"/api/requests/{id}"))!;

    public static async Task<List<TimelineEntryView>> TimelineAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<List<TimelineEntryView>>($"/api/requests/{id}/timeline"))!;

    /// <summary>Polls until <paramref name="condition"/> holds (at most 30 s), and returns the last value read.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}

/// <summary>Counts the deliveries the service finished consuming, duplicates included, so a test knows when all are in.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    readonly ConcurrentBag<Guid?> consumed = [];

    public int Count => consumed.Count;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        consumed.Add(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
