using System.Net;
using System.Net.Sockets;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Tests.Support;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChargeConsole.Tests.Devices;

/// <summary>
/// Issue 20, item 27: in a reconnect storm two piles stayed in LoggingIn for good. A login waiting in line keeps its
/// connection, and a pile whose connection is dropped before its answer logs in again instead of giving up.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class LoginStormTests
{
    [Fact]
    public void A_connection_whose_login_waits_in_line_is_kept_and_one_that_never_asked_is_dropped()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new YkcOptions { GarbageTimeoutSeconds = 30 });
        var registry = new PileSessionRegistry();
        var waiting = new Connection("waiting") { RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 40001) };
        var silent = new Connection("silent") { RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 40002) };
        var asked = new PileSession(waiting, clock);
        Assert.Null(registry.TryOpen(asked, options.Value));
        Assert.Null(registry.TryOpen(new PileSession(silent, clock), options.Value));
        asked.LoginReceivedAt = clock.GetUtcNow().UtcDateTime; // its login frame is in, its answer is behind thousands of others
        var monitor = new PileSessionMonitor(registry, options, clock, new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance), NullLogger<PileSessionMonitor>.Instance);

        clock.Advance(TimeSpan.FromSeconds(31));
        monitor.Sweep();

        Assert.Null(waiting.AbortedBecause); // a login waiting in line is not dropped as if the pile had said nothing
        Assert.Equal("no login", silent.AbortedBecause);

        // A login left unanswered far longer than a storm lasts is given up on, so the pile starts afresh.
        clock.Advance(TimeSpan.FromSeconds(4 * 30));
        monitor.Sweep();
        Assert.Equal("login unanswered", waiting.AbortedBecause);
    }

    [Fact]
    public void A_logged_in_pile_waiting_for_the_consoles_answer_is_not_dropped_as_silent()
    {
        // Seen in the two-node measurement: a login accepted, then its recording in line behind thousands of others;
        // the pile, waiting for its answer, sent nothing, and was dropped as silent 30 s later, to log in again.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new YkcOptions { HeartbeatSeconds = 10, MissedHeartbeats = 3, GarbageTimeoutSeconds = 30 });
        var registry = new PileSessionRegistry();
        var waitingConnection = new Connection("waiting") { RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 40003) };
        var quietConnection = new Connection("quiet") { RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 40004) };
        var waiting = new PileSession(waitingConnection, clock) { PileCode = "32010200000001" };
        var quiet = new PileSession(quietConnection, clock) { PileCode = "32010200000002" };
        Assert.Null(registry.TryOpen(waiting, options.Value));
        Assert.Null(registry.TryOpen(quiet, options.Value));
        waiting.BeginAwaitingConsole();
        var monitor = new PileSessionMonitor(registry, options, clock, new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance), NullLogger<PileSessionMonitor>.Instance);

        clock.Advance(TimeSpan.FromSeconds(31));
        monitor.Sweep();
        Assert.Null(waitingConnection.AbortedBecause);
        Assert.Equal("heartbeat timeout", quietConnection.AbortedBecause);

        // Our answer never coming is no reason to keep a connection for ever.
        clock.Advance(TimeSpan.FromSeconds(4 * 30));
        monitor.Sweep();
        Assert.Equal("heartbeat timeout", waitingConnection.AbortedBecause);
    }

    /// <summary>A connection that remembers why it was aborted.</summary>
    private sealed class Connection(string id) : DefaultConnectionContext(id)
    {
        public string? AbortedBecause { get; private set; }

        public override void Abort(ConnectionAbortedException abortReason)
        {
            AbortedBecause = abortReason.Message;
            base.Abort(abortReason);
        }
    }

    [Fact]
    public async Task A_pile_whose_connection_is_dropped_before_its_login_is_answered_logs_in_again()
    {
        using var console = new TcpListener(IPAddress.Loopback, 0);
        console.Start();
        var port = ((IPEndPoint)console.LocalEndpoint).Port;
        await using var pile = new SimulatedPile(new SimulatedPileOptions
        {
            PileCode = "32010200000001", GunCount = 1, ReconnectDelay = TimeSpan.FromMilliseconds(100), LoginRetryInterval = TimeSpan.FromSeconds(30),
        }, "127.0.0.1", port);
        pile.Start();

        // Twice the console takes the login and closes the connection without an answer (as a dropped login is).
        for (var i = 0; i < 2; i++)
        {
            using var connection = await console.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var login = new byte[64];
            Assert.True(await connection.GetStream().ReadAsync(login).AsTask().WaitAsync(TimeSpan.FromSeconds(30)) > 0);
        }
        // The pile came back a third time: it did not stop at LoggingIn.
        using var third = await console.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(SimulatedPileState.LoginRefused, pile.State);
    }
}
