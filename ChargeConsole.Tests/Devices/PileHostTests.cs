using ChargeConsole.Devices.Cluster;
using System.Net.Sockets;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.Reports;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>The pile host in the running app, over real TCP sockets, with the simulator as the pile.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class PileHostTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);
    private const string Demo1 = "32010200000001"; // DC, 2 guns
    private const string Demo2 = "32010200000002";

    private static async Task<List<GunStatus>> GunStatuses(LiveWebApp app, string pileCode)
    {
        await using var db = app.Context();
        return await db.Guns.Where(g => g.Pile.Code == pileCode).OrderBy(g => g.Number).Select(g => g.Status).ToListAsync();
    }

    [Fact]
    public async Task A_registered_pile_comes_online_and_its_guns_go_offline_when_it_stops()
    {
        await using var app = LiveWebApp.Start();
        var events = new List<GunStatusChanged>();
        using var sub = app.Get<LiveEvents>().Subscribe<GunStatusChanged>(e => { lock (events) events.Add(e); });
        await using var pile = app.Pile(Demo1);

        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1)).All(s => s == GunStatus.Idle), "guns idle after login");
        await using (var db = app.Context()) Assert.True(await db.Piles.Where(p => p.Code == Demo1).Select(p => p.Online).SingleAsync());

        await pile.StopAsync();

        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1)).All(s => s == GunStatus.Offline), "guns offline after the pile stops");
        lock (events) Assert.Contains(events, e => e.Status == GunStatus.Offline);
        Assert.Empty(app.Errors.Entries);
    }

    [Fact]
    public async Task A_pile_the_console_does_not_know_is_refused_and_the_attempt_is_audited()
    {
        await using var app = LiveWebApp.Start();
        await using var stranger = app.Pile("99999999999999");

        await LiveWebApp.Eventually(() => Task.FromResult(stranger.State == SimulatedPileState.LoginRefused), "login refused");
        await using var db = app.Context();
        var audit = await db.AuditLogs.SingleAsync(a => a.Target == "99999999999999");
        Assert.False(audit.Succeeded);
        Assert.Contains("未登记", audit.Result);
    }

    [Fact]
    public async Task A_silent_pile_is_dropped_after_its_missed_heartbeats_and_goes_offline()
    {
        await using var app = LiveWebApp.Start();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", app.YkcPort);
        var login = new LoginRequest(Demo2, 0, 2, 0x0F, "RAW", 1, new string('0', 20), 4).ToFrame(0).Encode();
        await socket.SendAsync(login);

        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo2)).All(s => s == GunStatus.Idle), "raw pile logged in");
        // No heartbeats from here on: after 10 × 1 s the host drops it.
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo2)).All(s => s == GunStatus.Offline), "dropped for silence", seconds: 30);
        var buffer = new byte[1024];
        var received = 0;
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer)) > 0) received += n; // login reply and time sync, then the close
        }
        catch (SocketException) { } // an aborted connection may end with a reset
        Assert.True(received > 0);
    }

    [Fact]
    public async Task Reboot_is_acknowledged_and_the_pile_logs_in_again()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.State == SimulatedPileState.Online), "online");
        await using var db = app.Context();
        var pileId = await db.Piles.Where(p => p.Code == Demo1).Select(p => p.Id).SingleAsync();

        var result = await app.Get<PileOperationsService>().RebootAsync(Operator, pileId, whenIdle: false);

        Assert.True(result.Succeeded, result.Error);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Logins >= 2 && pile.State == SimulatedPileState.Online), "logged in again after reboot");
        Assert.True(await db.AuditLogs.AnyAsync(a => a.Action == "远程重启（立即）" && a.Target == Demo1 && a.Succeeded));
    }

    [Fact]
    public async Task A_pile_that_acknowledges_a_reboot_and_drops_the_line_at_once_counts_as_acknowledged()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = await RawPile.ConnectAsync(app.YkcPort);
        await pile.LogInAsync(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.LoginReply) == 1), "login answered");

        var reboot = app.Get<ChargeConsole.Devices.Piles.IPileDirectory>().SendAsync(Demo1, new RebootPile(WhenIdle: false));
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Count(MessageType.Reboot) == 1), "reboot sent");
        var seq = pile.Received.Single(f => f.Type == MessageType.Reboot).Seq;
        // The billing request keeps the console busy (it reads the database) while the ack behind it and the close arrive:
        // the ack was sent before the line dropped, so the operator is told the pile accepted.
        await pile.SendAndCloseAsync([
            .. new BillingRequest(Demo1).ToFrame(1).Encode(),
            .. new PileResultReply(MessageType.RebootReply, Demo1, true).ToFrame(seq).Encode(),
        ]);

        var result = await reboot;
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("电桩已接受，正在重启", result.Message);
    }

    [Fact]
    public async Task Commands_to_an_offline_pile_say_so()
    {
        await using var app = LiveWebApp.Start();
        await using var db = app.Context();
        var pileId = await db.Piles.Where(p => p.Code == Demo2).Select(p => p.Id).SingleAsync();

        var result = await app.Get<PileOperationsService>().SyncTimeAsync(Operator, pileId);

        Assert.Equal("电桩离线，指令未发送", result.Error);
    }

    [Fact]
    public async Task Time_sync_and_working_parameters_are_answered_by_the_pile()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.State == SimulatedPileState.Online), "online");
        await using var db = app.Context();
        var pileId = await db.Piles.Where(p => p.Code == Demo1).Select(p => p.Id).SingleAsync();
        var ops = app.Get<PileOperationsService>();

        var time = await ops.SyncTimeAsync(Operator, pileId);
        Assert.True(time.Succeeded, time.Error);
        Assert.StartsWith("电桩时间已设为", time.Message);

        var work = await ops.SetWorkParamsAsync(Operator, pileId, disabled: true, maxPowerPercent: 60);
        Assert.True(work.Succeeded, work.Error);
        Assert.True(pile.Disabled);
        Assert.Equal(60, pile.MaxPowerPercent);
        Assert.False((await ops.SetWorkParamsAsync(Operator, pileId, false, 20)).Succeeded);
    }

    [Fact]
    public async Task A_fault_the_pile_reports_shows_on_the_gun_in_chinese_and_clears()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.State == SimulatedPileState.Online), "online");

        await pile.InjectFaultAsync(2, 0b1); // bit 1: emergency stop

        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[1] == GunStatus.Fault, "gun 2 faulted");
        await using var db = app.Context();
        Assert.Equal("急停按钮动作", await db.Guns.Where(g => g.Code == Demo1 + "02").Select(g => g.FaultText).SingleAsync());

        await pile.InjectFaultAsync(2, 0);
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[1] == GunStatus.Idle, "gun 2 idle again");
    }

    [Fact]
    public async Task Each_time_a_gun_goes_into_fault_counts_once_in_the_charging_reports_faults_over_the_period()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1)).All(s => s == GunStatus.Idle), "online and idle");
        for (var i = 0; i < 2; i++)
        {
            await pile.InjectFaultAsync(2, 0b1);
            await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[1] == GunStatus.Fault, "gun 2 faulted");
            await pile.InjectFaultAsync(2, 0);
            await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[1] == GunStatus.Idle, "gun 2 idle again");
        }

        await using var db = app.Context();
        var stationId = await db.Piles.Where(p => p.Code == Demo1).Select(p => p.StationId).SingleAsync();
        var today = DateTime.UtcNow.AddHours(8).Date;
        await LiveWebApp.Eventually(async () =>
            (await ReportQueries.StationTotalsAsync(db, TestDatabase.Operator, new ReportFilter { StationId = stationId, From = today, To = today }, default))
                .SingleOrDefault()?.Faults == 2, "two faults counted today");
        var yesterday = today.AddDays(-1);
        Assert.DoesNotContain(await ReportQueries.StationTotalsAsync(db, TestDatabase.Operator, new ReportFilter { StationId = stationId, From = yesterday, To = yesterday }, default),
            r => r.Faults > 0);
    }

    [Fact]
    public async Task Releasing_a_stuck_gun_asks_the_pile_and_frees_it_only_when_the_pile_says_idle()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1)).All(s => s == GunStatus.Idle), "online and idle");
        await using var db = app.Context();
        var gun = await db.Guns.SingleAsync(g => g.Code == Demo1 + "01");
        await db.Guns.Where(g => g.Id == gun.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GunStatus.Reserved)); // stuck platform-side
        var ops = app.Get<PileOperationsService>();

        var released = await ops.ReleaseGunAsync(Operator, gun.Id);
        Assert.True(released.Succeeded, released.Error);
        Assert.Equal(GunStatus.Idle, (await GunStatuses(app, Demo1))[0]);

        await pile.InjectFaultAsync(1, 0b100);
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[0] == GunStatus.Fault, "gun 1 faulted");
        var refused = await ops.ReleaseGunAsync(Operator, gun.Id);
        Assert.Equal("电桩报告该枪当前为【故障】，不能释放", refused.Error);
    }

    [Fact]
    public async Task Replies_echo_the_request_seq_byte_for_byte_and_the_clock_is_set_after_login()
    {
        await using var app = LiveWebApp.Start();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", app.YkcPort);
        await socket.SendAsync(new LoginRequest(Demo2, 0, 2, 0x0F, "RAW", 1, new string('0', 20), 4).ToFrame(0x1234).Encode());
        await socket.SendAsync(new Heartbeat(Demo2, 2, false).ToFrame(0xABCD).Encode());

        var frames = new List<YkcFrame>();
        var filter = new YkcPipelineFilter();
        var received = new List<byte>();
        var buffer = new byte[512];
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (frames.Count < 3 && DateTime.UtcNow < deadline)
        {
            var n = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(5));
            received.AddRange(buffer[..n]);
            var sequence = new System.Buffers.ReadOnlySequence<byte>(received.ToArray());
            frames.Clear();
            while (filter.TryRead(ref sequence, out var frame)) frames.Add(frame);
        }

        var login = frames.Single(f => f.Type == MessageType.LoginReply);
        Assert.Equal(0x1234, login.Seq);
        Assert.True(((LoginReply)YkcMessages.Decode(login)!).Accepted);
        var heartbeat = frames.Single(f => f.Type == MessageType.HeartbeatReply);
        Assert.Equal(0xABCD, heartbeat.Seq);
        Assert.Equal(2, ((HeartbeatReply)YkcMessages.Decode(heartbeat)!).Gun);
        var time = (TimeSync)YkcMessages.Decode(frames.Single(f => f.Type == MessageType.TimeSync))!;
        Assert.InRange(time.Time, DateTime.UtcNow.AddHours(8).AddMinutes(-1), DateTime.UtcNow.AddHours(8).AddMinutes(1)); // China time
    }

    [Fact]
    public async Task After_a_charge_the_driver_unplugs_and_the_gun_is_free_again()
    {
        await using var app = LiveWebApp.Start();
        await using var pile = app.Pile(Demo1, unplugAfter: TimeSpan.FromSeconds(1));
        await LiveWebApp.Eventually(() => Task.FromResult(pile.State == SimulatedPileState.Online), "online");
        await pile.StartLocalChargeAsync(1);
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[0] == GunStatus.Charging, "gun 1 charging");

        await pile.StopLocalChargeAsync(1);

        // Occupied while the car is still plugged in, then free: the demo keeps charging for days this way.
        await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1))[0] == GunStatus.Idle, "gun 1 idle after the car unplugs");
        Assert.False(pile.Guns[0].PluggedIn);
    }

    [Fact]
    public async Task A_pile_that_reconnects_at_once_ends_up_online_with_its_guns_available()
    {
        await using var app = LiveWebApp.Start();
        for (var round = 0; round < 3; round++)
        {
            var first = app.Pile(Demo1);
            await LiveWebApp.Eventually(() => Task.FromResult(first.State == SimulatedPileState.Online), "online");
            await first.StopAsync();
            await using var second = app.Pile(Demo1); // back before the disconnect is recorded
            await LiveWebApp.Eventually(() => Task.FromResult(second.State == SimulatedPileState.Online), "online again");
            await app.FlushPileWritesAsync(); // every queued change has landed
            Assert.Equal([GunStatus.Idle, GunStatus.Idle], await GunStatuses(app, Demo1));
            await using var db = app.Context();
            Assert.True(await db.Piles.Where(p => p.Code == Demo1).Select(p => p.Online).SingleAsync());
            await second.StopAsync();
            await LiveWebApp.Eventually(async () => (await GunStatuses(app, Demo1)).All(s => s == GunStatus.Offline), "offline");
        }
    }
}
