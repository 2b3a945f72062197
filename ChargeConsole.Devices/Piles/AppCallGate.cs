using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// How many pile messages of either protocol may be in the application (the database) at once on this node
/// (<c>Ykc:MaxConcurrentAppCalls</c>). SQLite's driver does its I/O synchronously: ten thousand piles logging in
/// together would otherwise hold every thread-pool thread, and heartbeats, answered without the gate, would wait
/// for a thread. A storm waits here in line instead.
/// </summary>
public sealed class AppCallGate(IOptions<YkcOptions> options)
{
    private readonly SemaphoreSlim _calls = new(Math.Max(2, options.Value.MaxConcurrentAppCalls));

    public async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        await _calls.WaitAsync(ct);
        try { return await action(); }
        finally { _calls.Release(); }
    }
}
