using ChargeConsole.Devices.Simulator;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>The pile port tried as a stranger would, over real TCP against the running app.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class PileHostAttackTests
{
    private const string Demo1 = "32010200000001";
    private const string Demo2 = "32010200000002";

    private static async Task<SimulatedPile> OnlinePile(LiveWebApp app, string code)
    {
        var pile = app.Pile(code);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.State == SimulatedPileState.Online), $"{code} online");
        return pile;
    }

    [Fact]
    public async Task A_stranger_sending_a_megabyte_of_start_bytes_is_dropped_and_the_piles_keep_being_answered()
    {
        await using var app = LiveWebApp.Start();
        await using var bystander = await OnlinePile(app, Demo1);
        var answered = 0;
        bystander.HeartbeatAnswered += _ => Interlocked.Increment(ref answered);

        await using var stranger = await RawPile.ConnectAsync(app.YkcPort);
        var run = Enumerable.Repeat(YkcFrame.Start, 64 * 1024).ToArray();
        for (var i = 0; i < 16 && !stranger.Closed; i++) await stranger.SendAsync(run);

        await LiveWebApp.Eventually(() => Task.FromResult(stranger.Closed), "the stranger's connection is closed");
        var before = Volatile.Read(ref answered);
        await LiveWebApp.Eventually(() => Task.FromResult(Volatile.Read(ref answered) > before + 2), "the bystander's heartbeats still answered");
        Assert.Equal(1, bystander.Logins);
    }

    [Fact]
    public async Task A_corrupted_header_mid_stream_does_not_silence_a_logged_in_pile()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = await RawPile.ConnectAsync(app.YkcPort);
        await pile.LogInAsync(Demo2);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.LoginReply) == 1), "logged in");

        await pile.SendAsync([0x68, 0xFF, 0x00, 0x01]); // a start byte and a LEN of 255 that no frame follows
        for (ushort seq = 1; seq <= 3; seq++) await pile.SendAsync(new Heartbeat(Demo2, 1, false), seq);

        // Within one heartbeat period, not after 255 bytes of later traffic.
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.HeartbeatReply) == 3), "every heartbeat behind the bad header answered", seconds: 1);
        Assert.False(pile.Closed);
    }

    [Fact]
    public async Task While_the_database_is_locked_heartbeats_are_answered_and_the_record_settles_once_afterwards()
    {
        // The lock outlasts the silence limit (5 × 1 s): a read loop that waited on the database would be dropped.
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Ykc:MissedHeartbeats"] = "5" });
        await using var pile = await OnlinePile(app, Demo1);
        await pile.StartLocalChargeAsync(1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].Session?.Energy > 0), "charging");
        var serial = pile.Guns[0].Session!.Serial;
        var answered = 0;
        pile.HeartbeatAnswered += _ => Interlocked.Increment(ref answered);

        // Another writer holds the database for longer than the silence limit.
        await using (var locker = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await locker.OpenAsync();
            await using var tx = (SqliteTransaction)await locker.BeginTransactionAsync();
            await using (var write = locker.CreateCommand())
            {
                write.Transaction = tx;
                write.CommandText = "UPDATE Stations SET Remark = 'locked' WHERE Id = -1";
                await write.ExecuteNonQueryAsync();
            }
            await pile.StopLocalChargeAsync(1);
            var lockedUntil = DateTime.UtcNow.AddSeconds(7);
            while (DateTime.UtcNow < lockedUntil) await Task.Delay(100); // holding the lock is the point: no condition to await
            Assert.True(Volatile.Read(ref answered) >= 8, $"only {answered} heartbeats answered in 7 s while the database was locked");
            Assert.Equal(0, pile.Confirmations); // nothing confirmed before the commit
            await tx.RollbackAsync();
        }

        await LiveWebApp.Eventually(() => Task.FromResult(pile.Confirmations > 0), "0x40 after the lock is gone", seconds: 30);
        Assert.Equal(1, pile.Logins);
        await using var db = app.Context();
        Assert.Equal(1, await db.ChargingOrders.CountAsync(o => o.TransactionSerial == serial));
    }

    [Fact]
    public async Task Connections_that_do_not_log_in_are_capped_per_address()
    {
        // Silent connections are otherwise dropped only after 120 s here, so a close within 10 s can come from the cap
        // alone (a tighter bound was flaky on a loaded 2-core machine without testing anything more).
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Ykc:MaxUnauthenticatedPerAddress"] = "3", ["Ykc:GarbageTimeoutSeconds"] = "120" });
        var idle = new List<RawPile>();
        for (var i = 0; i < 3; i++) idle.Add(await RawPile.ConnectAsync(app.YkcPort));
        await using var fourth = await RawPile.ConnectAsync(app.YkcPort);
        await LiveWebApp.Eventually(() => Task.FromResult(fourth.Closed), "the fourth connection is closed by the cap", seconds: 10);
        Assert.All(idle, p => Assert.False(p.Closed));

        // Another address is not affected, and a registered pile still logs in.
        await using var other = await RawPile.ConnectAsync(app.YkcPort, "127.0.0.2");
        await other.LogInAsync(Demo2);
        await LiveWebApp.Eventually(() => Task.FromResult(other.Count(MessageType.LoginReply) == 1), "a pile from another address logs in");
        foreach (var p in idle) await p.DisposeAsync();
    }

    [Fact]
    public async Task A_login_from_outside_the_stations_address_ranges_is_refused_and_leaves_the_live_session_alone()
    {
        await using var app = LiveWebApp.Start();
        await using (var db = app.Context())
            await db.Stations.Where(s => s.Piles.Any(p => p.Code == Demo1)).ExecuteUpdateAsync(u => u.SetProperty(s => s.AllowedNetworks, "127.0.0.1/32"));
        await using var pile = await OnlinePile(app, Demo1);

        await using var impostor = await RawPile.ConnectAsync(app.YkcPort, "127.0.0.2");
        await impostor.LogInAsync(Demo1);

        await LiveWebApp.Eventually(() => Task.FromResult(impostor.Closed), "the impostor is dropped");
        var reply = Assert.IsType<LoginReply>(YkcMessages.Decode(Assert.Single(impostor.Received, f => f.Type == MessageType.LoginReply)));
        Assert.False(reply.Accepted);
        Assert.Equal(SimulatedPileState.Online, pile.State);
        Assert.Equal(1, pile.Logins);
        await using var check = app.Context();
        var audit = await check.AuditLogs.SingleAsync(a => a.Target == Demo1 && !a.Succeeded);
        Assert.Contains("127.0.0.2", audit.Result);
        Assert.Contains("127.0.0.1/32", audit.Result);
    }

    [Fact]
    public async Task A_takeover_of_a_live_session_is_audited_with_both_addresses()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = await RawPile.ConnectAsync(app.YkcPort);
        await pile.LogInAsync(Demo2);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.LoginReply) == 1), "first session live");

        await using var second = await RawPile.ConnectAsync(app.YkcPort, "127.0.0.3");
        await second.LogInAsync(Demo2);

        await LiveWebApp.Eventually(() => Task.FromResult(pile.Closed), "the first session is closed");
        await using var db = app.Context();
        var audit = await db.AuditLogs.SingleAsync(a => a.Target == Demo2 && a.Action == "电桩会话接管");
        Assert.Contains("127.0.0.3", audit.Result);
        Assert.Contains("127.0.0.1", audit.Result);
    }

    [Fact]
    public async Task A_pile_start_request_naming_another_pile_is_not_answered()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = await RawPile.ConnectAsync(app.YkcPort);
        await pile.LogInAsync(Demo2);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.LoginReply) == 1), "logged in");

        await pile.SendAsync(new PileStartRequest(Demo1, 1, 1, false, "D14B000000000001", new string('0', 32), ""));
        await pile.SendAsync(new PileStartRequest(Demo2, 1, 1, false, "D14B000000000001", new string('0', 32), ""));

        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.StartAuthorization) >= 1), "its own request answered");
        Assert.All(pile.Received.Where(f => f.Type == MessageType.StartAuthorization),
            f => Assert.Equal(Demo2, ((StartAuthorization)YkcMessages.Decode(f)!).PileCode));
        Assert.Equal(1, pile.Count(MessageType.StartAuthorization));
    }
}
