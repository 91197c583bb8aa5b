using System.Text;
using RabbitMQ.Client;

namespace ClientRequests.Fuzz.Tests.Messaging;

/// <summary>
/// Poison on every queue a service consumes, over the real broker: each poison message lands in the queue's _error
/// queue after the bounded retries, and a well-formed message sent after it is still consumed.
/// </summary>
[Collection(OnePlatform.Name)]
public sealed class PoisonMessageTests(FuzzPlatform fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Poison_on_every_consumed_queue_lands_in_its_error_queue_and_the_queue_keeps_flowing()
    {
        var broker = new BrokerQueues(fixture.Broker.ManagementUri, fixture.Platform.VirtualHost);
        // Each service consumes something: requests (progress), departments (its queues), notifications and clients (events).
        // The management API counts consumers from statistics collected every few seconds: a fresh platform's may lag.
        string[] prefixes = ["requests", "notifications", "clients", "department-"];
        var queues = await broker.ConsumedAsync();
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30) && !prefixes.All(p => queues.Any(q => q.Name.StartsWith(p))); waited += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            queues = await broker.ConsumedAsync();
        }
        foreach (var prefix in prefixes)
            Assert.True(queues.Any(q => q.Name.StartsWith(prefix)), $"no consumed queue named {prefix}*: {string.Join(", ", queues.Select(q => q.Name))}");

        var poison = new Dictionary<string, List<Guid>>();
        var wellFormed = new Dictionary<string, List<Guid>>();
        var factory = new ConnectionFactory { Uri = new Uri(fixture.Platform.AmqpUri) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            foreach (var queue in queues)
            {
                Assert.True(queue.MessageTypes.Count > 0, $"{queue.Name} is consumed but no message type is bound to it");
                poison[queue.Name] = [];
                wellFormed[queue.Name] = [];
                var garbage = Guid.NewGuid();
                await SendAsync(channel, queue.Name, garbage, Encoding.UTF8.GetBytes($"{{ this is not json {garbage}"));
                poison[queue.Name].Add(garbage);
                foreach (var messageType in queue.MessageTypes)
                {
                    var contract = Envelopes.ContractType(messageType);
                    Assert.True(contract is not null, $"{queue.Name} consumes {messageType}, which is not in the contracts");
                    var broken = Guid.NewGuid();
                    await SendAsync(channel, queue.Name, broken, Envelopes.Envelope(broken, messageType, Envelopes.WrongTypes(contract!, broken)));
                    poison[queue.Name].Add(broken);
                    var good = Guid.NewGuid();
                    var department = queue.Name.StartsWith("department-") ? queue.Name["department-".Length..] : null;
                    await SendAsync(channel, queue.Name, good, Envelopes.Envelope(good, messageType, Envelopes.WellFormed(contract!, department)));
                    wellFormed[queue.Name].Add(good);
                }
            }
        }

        var report = new List<string>();
        foreach (var queue in queues)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            IReadOnlyList<string> errors = [];
            while (DateTime.UtcNow < deadline)
            {
                errors = await broker.PeekAsync(queue.Name + "_error");
                if (await broker.DepthAsync(queue.Name) == 0 && poison[queue.Name].All(id => errors.Any(e => e.Contains(id.ToString())))) break;
                await Task.Delay(250);
            }
            var missing = poison[queue.Name].Where(id => !errors.Any(e => e.Contains(id.ToString()))).ToList();
            var faultedGood = wellFormed[queue.Name].Where(id => errors.Any(e => e.Contains(id.ToString()))).ToList();
            var depth = await broker.DepthAsync(queue.Name);
            output.WriteLine($"{queue.Name}: {queue.MessageTypes.Count} types, {poison[queue.Name].Count} poison, {wellFormed[queue.Name].Count} well-formed; " +
                $"depth after {depth}, poison in _error {poison[queue.Name].Count - missing.Count}, well-formed faulted {faultedGood.Count}");
            if (missing.Count > 0) report.Add($"{queue.Name}: {missing.Count} poison messages not in {queue.Name}_error");
            if (depth != 0) report.Add($"{queue.Name}: {depth} messages still in the queue: it stopped flowing");
            if (faultedGood.Count > 0) report.Add($"{queue.Name}: {faultedGood.Count} well-formed messages faulted after the poison");
        }
        Assert.True(report.Count == 0, string.Join("\n", report) + "\n\n" + fixture.Logs());
        await fixture.AssertHealthyAsync();
    }

    static async Task SendAsync(IChannel channel, string queue, Guid messageId, byte[] body)
    {
        var properties = new BasicProperties { ContentType = Envelopes.ContentType, Persistent = true, MessageId = messageId.ToString() };
        await channel.BasicPublishAsync("", queue, true, properties, body);
    }
}
