using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// Drops logged-in piles that have been silent for <see cref="YkcOptions.MissedHeartbeats"/> periods (their guns
/// go Offline through the normal disconnect path) and connections that never asked to log in. A login (or any frame)
/// that arrived is given time to be answered: in a reconnect storm it waits in line behind thousands of others.
/// </summary>
public sealed class PileSessionMonitor(
    PileSessionRegistry registry, IOptions<YkcOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<PileSessionMonitor> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On shutdown the piles' long-lived connections are closed at once (they reconnect, to this node when it is
        // back or to another): Kestrel would otherwise wait for them until the shutdown timeout.
        using var closing = lifetime.ApplicationStopping.Register(CloseAll);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Sweep();
        }
    }

    private void CloseAll()
    {
        var count = 0;
        foreach (var session in registry.Connections)
        {
            session.Abort("console shutting down");
            count++;
        }
        if (count > 0) log.LogInformation("Shutting down: closed {Count} pile connections", count);
    }

    public void Sweep()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        foreach (var session in registry.Connections)
        {
            // A pile waiting for the console's answer (its login or billing model in line behind a storm) is given the
            // time a login is given; only a pile that owes us frames is silent.
            var limit = session.AwaitingConsole ? TimeSpan.FromSeconds(4 * o.GarbageTimeoutSeconds) : o.SilenceLimit;
            if (session.PileCode is not null && now - session.LastValidFrameAt > limit)
            {
                log.LogWarning("Pile {Pile} silent for {Seconds} s; dropped", session.PileCode, (int)(now - session.LastValidFrameAt).TotalSeconds);
                session.Abort("heartbeat timeout");
            }
            else if (session.PileCode is null && session.LoginReceivedAt is null && now - session.ConnectedAt > TimeSpan.FromSeconds(o.GarbageTimeoutSeconds))
            {
                log.LogWarning("Connection from {Remote} sent no login in {Seconds} s; dropped", session.RemoteAddress, o.GarbageTimeoutSeconds);
                session.Abort("no login");
            }
            else if (session.PileCode is null && session.LoginReceivedAt is { } asked && now - asked > TimeSpan.FromSeconds(4 * o.GarbageTimeoutSeconds))
            {
                // A login that waited this long is not going to be answered well: the pile starts again.
                log.LogWarning("Login from {Remote} unanswered for {Seconds} s; dropped", session.RemoteAddress, (int)(now - asked).TotalSeconds);
                session.Abort("login unanswered");
            }
        }
    }
}
