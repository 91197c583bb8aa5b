using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Notifications.Tests;

public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A small real SMTP server on 127.0.0.1 with a free port (RFC 5321 commands a client needs: EHLO/HELO, MAIL, RCPT,
/// DATA, RSET, NOOP, QUIT). The test decides how it answers: refuse transactions, refuse some recipients, or hang.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stopping = new();
    readonly List<ReceivedMail> received = [];
    int transactions;

    SmtpListener() => listener.Start();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Given the transaction's number (from 1), true to refuse it with a 451 at MAIL FROM.</summary>
    public Func<int, bool> RefuseTransaction { get; set; } = _ => false;

    /// <summary>True for a recipient to refuse with a 550.</summary>
    public Func<string, bool> RefuseRecipient { get; set; } = _ => false;

    /// <summary>While true, connections are accepted and never greeted: a server that hangs.</summary>
    public bool Hang { get; set; }

    public IReadOnlyList<ReceivedMail> Received { get { lock (received) return received.ToList(); } }

    public int Transactions => Volatile.Read(ref transactions);

    public static SmtpListener Start()
    {
        var smtp = new SmtpListener();
        _ = smtp.AcceptAsync();
        return smtp;
    }

    public async Task<IReadOnlyList<ReceivedMail>> EventuallyAsync(Func<IReadOnlyList<ReceivedMail>, bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition(Received) && DateTime.UtcNow < deadline) await Task.Delay(50);
        return Received;
    }

    async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
                return;
            }
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        if (RefuseTransaction(Interlocked.Increment(ref transactions)))
                        {
                            await writer.WriteLineAsync("451 4.3.0 Try again later");
                            break;
                        }
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RefuseRecipient(recipient)) await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        else
                        {
                            recipients.Add(recipient);
                            await writer.WriteLineAsync("250 OK");
                        }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())));
                        lock (received) received.Add(new ReceivedMail(from ?? "", recipients.ToList(), message));
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested) { }
        catch (IOException) { }
    }

    static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        return ValueTask.CompletedTask;
    }
}
