namespace ClientRequests.EndToEnd.Tests;

public static class Eventually
{
    /// <summary>Polls until <paramref name="probe"/> returns a value, or fails with what the platform logged.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<string> diagnostics, TimeSpan? timeout = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(200);
        }
        return await probe() ?? throw new TimeoutException($"The platform did not get there in time (waiting at line {line}).\n" + diagnostics());
    }
}
