namespace ClientRequests.ServiceDefaults.Data;

/// <summary>
/// Configuration the service cannot run with (an unknown database provider, credentials the database refuses).
/// Retrying cannot help, so the process ends with its message as one line on stderr and exit code 2
/// (<see cref="Microsoft.Extensions.Hosting.ServiceDefaultsExtensions"/> installs the handler) instead of a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const int ExitCode = 2;

    static int installed;

    /// <summary>Installed once per process: prints the refusal and exits before the runtime dumps the stack.</summary>
    public static void InstallHandler()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0) AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
    }

    static void OnUnhandled(object? sender, UnhandledExceptionEventArgs e)
    {
        if (Find(e.ExceptionObject as Exception) is not { } refused) return;
        Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName} refuses to start: {refused.Message}");
        Console.Error.Flush();
        Environment.Exit(ExitCode);
    }

    static StartupRefusedException? Find(Exception? e) => e switch
    {
        null => null,
        StartupRefusedException refused => refused,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(r => r is not null),
        _ => Find(e.InnerException),
    };
}
