using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>
/// Issue 23: an OCPP 1.6J charge point on <c>/ocpp/{pile code}</c> of the running console, over a real WebSocket:
/// who gets the upgrade, what its messages change, what a bad message gets, and a command from the console.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public sealed class OcppChargePointTests
{
    private const string Ocpp = "32010200000002";
    private const string Ykc = "32010200000001";

    private static async Task<LiveWebApp> StartAsync()
    {
        var app = LiveWebApp.Start();
        await using var db = app.Context();
        await db.Piles.Where(p => p.Code == Ocpp).ExecuteUpdateAsync(u => u.SetProperty(p => p.Protocol, PileProtocol.Ocpp16J));
        return app;
    }

    private static async Task<Gun> GunAsync(LiveWebApp app, string code)
    {
        await using var db = app.Context();
        return await db.Guns.AsNoTracking().SingleAsync(g => g.Code == code);
    }

    private static async Task<bool> OnlineAsync(LiveWebApp app, string pile)
    {
        await using var db = app.Context();
        return await db.Piles.Where(p => p.Code == pile).Select(p => p.Online).SingleAsync();
    }

    [Fact]
    public async Task Only_a_pile_registered_for_OCPP_gets_the_upgrade_with_the_ocpp16_subprotocol()
    {
        await using var app = await StartAsync();

        Assert.Equal(404, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, "32999999999999"))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ykc))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, "not-a-code"))).Status);
        Assert.Equal(400, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ocpp, "ocpp2.0.1"))).Status);
        Assert.False(await OnlineAsync(app, Ykc));

        // Nor may the OCPP pile come in by the YKC port.
        await using (var impostor = app.Pile(Ocpp))
            await LiveWebApp.Eventually(() => Task.FromResult(impostor.State == ChargeConsole.Devices.Simulator.SimulatedPileState.LoginRefused), "YKC login of the OCPP pile refused");

        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        Assert.Equal("ocpp1.6", chargePoint.SubProtocol);
        await LiveWebApp.Eventually(() => OnlineAsync(app, Ocpp), "the OCPP pile online");

        // The refusal of a YKC pile knocking on the OCPP door is audited with why.
        await using var db = app.Context();
        Assert.Contains(await db.AuditLogs.Where(a => a.Target == Ykc).Select(a => a.Result).ToListAsync(), d => d.Contains("却以 OCPP 1.6J 接入"));
    }

    [Fact]
    public async Task A_pile_with_a_password_set_in_its_form_needs_it_at_the_upgrade_and_one_without_does_not()
    {
        await using var app = await StartAsync();
        var piles = app.Get<ChargeConsole.Features.Piles.PileService>();
        var operatorScope = new AccessScope("op", "operator", false, null);
        var pileId = await IdOfAsync(app, Ocpp);
        var form = (await piles.GetAsync(operatorScope, pileId))!;
        Assert.False(form.HasOcppPassword);

        form.OcppPassword = "short";
        var tooShort = await piles.SaveAsync(operatorScope, form);
        Assert.False(tooShort.Succeeded);
        Assert.Equal("接入密码须为16到40位", tooShort.Error);

        form.OcppPassword = "Xianlin-Lake-2026!";
        Assert.True((await piles.SaveAsync(operatorScope, form)).Succeeded);
        await using (var db = app.Context())
        {
            var hash = await db.Piles.Where(p => p.Code == Ocpp).Select(p => p.OcppPasswordHash).SingleAsync();
            Assert.NotNull(hash);
            Assert.DoesNotContain("Xianlin", hash); // stored hashed, never as typed
        }
        Assert.True((await piles.GetAsync(operatorScope, pileId))!.HasOcppPassword);

        Assert.Equal(401, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ocpp))).Status);
        Assert.Equal(401, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ocpp, password: "Xianlin-Lake-2027!"))).Status);
        Assert.Equal(401, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ocpp, password: "Xianlin-Lake-2026!", user: "32010200000003"))).Status);
        Assert.False(await OnlineAsync(app, Ocpp));
        await using (var right = await OcppClient.ConnectAsync(app, Ocpp, password: "Xianlin-Lake-2026!"))
            await LiveWebApp.Eventually(() => OnlineAsync(app, Ocpp), "online with the right password");
        await using (var db = app.Context())
            Assert.Contains(await db.AuditLogs.Where(a => a.Target == Ocpp).Select(a => a.Result).ToListAsync(), d => d.Contains("未提供密码"));

        // Editing the pile without typing a password keeps it; clearing it lets the pile in without one.
        form = (await piles.GetAsync(operatorScope, pileId))!;
        form.Name = "改名不改密码";
        Assert.True((await piles.SaveAsync(operatorScope, form)).Succeeded);
        Assert.Equal(401, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppClient.ConnectAsync(app, Ocpp))).Status);
        form.ClearOcppPassword = true;
        Assert.True((await piles.SaveAsync(operatorScope, form)).Succeeded);
        await using var open = await OcppClient.ConnectAsync(app, Ocpp);
        Assert.Equal("ocpp1.6", open.SubProtocol);
    }

    private static async Task<int> IdOfAsync(LiveWebApp app, string pile)
    {
        await using var db = app.Context();
        return await db.Piles.Where(p => p.Code == pile).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Boot_heartbeat_and_status_notifications_set_the_pile_online_and_its_guns_as_the_pile_says()
    {
        await using var app = await StartAsync();
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);

        var boot = await chargePoint.CallAsync("b1", "BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"DC60","firmwareVersion":"1.2.3"}""");
        Assert.Equal(3, boot[0].GetInt32());
        Assert.Equal("Accepted", boot[2].GetProperty("status").GetString());
        Assert.Equal(60, boot[2].GetProperty("interval").GetInt32());
        Assert.True(DateTimeOffset.TryParse(boot[2].GetProperty("currentTime").GetString(), out _));
        var heartbeat = await chargePoint.CallAsync("h1", "Heartbeat", "{}");
        Assert.True(heartbeat[2].TryGetProperty("currentTime", out _));
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.Piles.Where(p => p.Code == Ocpp).Select(p => p.FirmwareVersion).SingleAsync() == "1.2.3";
        }, "the firmware the boot named recorded");
        await using (var db = app.Context())
        {
            // Its station out of operation: the boot is Pending and no charge starts until it boots accepted.
            await db.Stations.Where(st => st.Piles.Any(p => p.Code == Ocpp)).ExecuteUpdateAsync(u => u.SetProperty(st => st.IsOpen, false));
        }
        var pending = await chargePoint.CallAsync("b2", "BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"DC60","firmwareVersion":"1.2.4"}""");
        Assert.Equal("Pending", pending[2].GetProperty("status").GetString());
        var blocked = await chargePoint.CallAsync("t0", "StartTransaction", $$"""{"connectorId":1,"idTag":"ANYCARD","meterStart":0,"timestamp":"{{Iso(DateTime.UtcNow)}}"}""");
        Assert.Equal(("Blocked", 0), (blocked[2].GetProperty("idTagInfo").GetProperty("status").GetString(), blocked[2].GetProperty("transactionId").GetInt32()));
        await using (var db = app.Context())
            await db.Stations.Where(st => st.Piles.Any(p => p.Code == Ocpp)).ExecuteUpdateAsync(u => u.SetProperty(st => st.IsOpen, true));
        var accepted = await chargePoint.CallAsync("b3", "BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"DC60","firmwareVersion":"1.2.4"}""");
        Assert.Equal("Accepted", accepted[2].GetProperty("status").GetString());

        var status = await chargePoint.CallAsync("s1", "StatusNotification",
            """{"connectorId":1,"errorCode":"GroundFailure","status":"Faulted","vendorErrorCode":"E42"}""");
        Assert.Equal("""[3,"s1",{}]""", status.GetRawText());
        await LiveWebApp.Eventually(async () => (await GunAsync(app, Ocpp + "01")).Status == GunStatus.Fault, "gun 1 in fault");
        Assert.Equal("OCPP 故障（GroundFailure），厂商代码 E42", (await GunAsync(app, Ocpp + "01")).FaultText);

        await chargePoint.CallAsync("s2", "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
        await chargePoint.CallAsync("s3", "StatusNotification", """{"connectorId":2,"errorCode":"NoError","status":"Preparing"}""");
        await LiveWebApp.Eventually(async () => (await GunAsync(app, Ocpp + "01")).Status == GunStatus.Idle
            && (await GunAsync(app, Ocpp + "02")).Status == GunStatus.Occupied, "gun 1 idle, gun 2 occupied");
        Assert.Null((await GunAsync(app, Ocpp + "01")).FaultText);

        // A vendor's DataTransfer is refused politely.
        var transfer = await chargePoint.CallAsync("d1", "DataTransfer", """{"vendorId":"com.acme","data":"x"}""");
        Assert.Equal("UnknownVendorId", transfer[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_message_gets_its_callerror_and_changes_nothing()
    {
        await using var app = await StartAsync();
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        await chargePoint.CallAsync("s0", "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
        await LiveWebApp.Eventually(async () => (await GunAsync(app, Ocpp + "01")).Status == GunStatus.Idle, "gun 1 idle");

        await chargePoint.SendAsync("garbage {");
        var garbage = await chargePoint.NextAsync(m => m[0].GetInt32() == 4 && m[1].GetString() == "-1");
        Assert.Equal("FormationViolation", garbage[2].GetString());

        var bad = await chargePoint.CallAsync("x1", "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Exploded"}""");
        Assert.Equal((4, "PropertyConstraintViolation"), (bad[0].GetInt32(), bad[2].GetString()));
        var unknown = await chargePoint.CallAsync("x2", "SelfDestruct", "{}");
        Assert.Equal("NotImplemented", unknown[2].GetString());
        var oversized = new string('a', 70_000);
        await chargePoint.SendAsync($$"""[2,"x3","DataTransfer",{"vendorId":"v","data":"{{oversized}}"}]""");
        var tooBig = await chargePoint.NextAsync(m => m[0].GetInt32() == 4 && m[1].GetString() == "-1");
        Assert.Equal("FormationViolation", tooBig[2].GetString());

        // Still connected, and the gun is as it was.
        var heartbeat = await chargePoint.CallAsync("h1", "Heartbeat", "{}");
        Assert.Equal(3, heartbeat[0].GetInt32());
        Assert.Equal(GunStatus.Idle, (await GunAsync(app, Ocpp + "01")).Status);
    }

    [Fact]
    public async Task A_reboot_from_the_console_reaches_the_charge_point_as_Reset_and_its_answer_comes_back()
    {
        await using var app = await StartAsync();
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        var directory = app.Get<IPileDirectory>();
        await LiveWebApp.Eventually(() => directory.IsOnlineAsync(Ocpp), "the OCPP pile online in its grain");

        var reboot = directory.SendAsync(Ocpp, new RebootPile(WhenIdle: false));
        var reset = await chargePoint.NextAsync(m => m[0].GetInt32() == 2 && m[2].GetString() == "Reset");
        Assert.Equal("""{"type":"Hard"}""", reset[3].GetRawText());
        await chargePoint.SendAsync($$"""[3,"{{reset[1].GetString()}}",{"status":"Accepted"}]""");
        var result = await reboot;
        Assert.Equal((CommandStatus.Acknowledged, "电桩已接受，正在重启"), (result.Status, result.Message));

        // An answer that breaks the specification is not taken as a yes.
        var second = directory.SendAsync(Ocpp, new RebootPile(WhenIdle: true));
        var soft = await chargePoint.NextAsync(m => m[0].GetInt32() == 2 && m[2].GetString() == "Reset");
        await chargePoint.SendAsync($$"""[3,"{{soft[1].GetString()}}",{"status":"Sure"}]""");
        var refused = await second;
        Assert.Equal(CommandStatus.Refused, refused.Status);
        Assert.Contains("PropertyConstraintViolation", refused.Message);
    }

    /// <summary>Answers the console's next CALL of <paramref name="action"/> with <paramref name="payload"/>; returns what it asked.</summary>
    private static async Task<JsonElement> AnswerAsync(OcppClient chargePoint, string action, string payload)
    {
        var call = await chargePoint.NextAsync(m => m[0].GetInt32() == 2 && m[2].GetString() == action);
        await chargePoint.SendAsync($$"""[3,"{{call[1].GetString()}}",{{payload}}]""");
        return call[3];
    }

    [Fact]
    public async Task Operators_unlock_read_configure_and_clear_the_cache_of_an_OCPP_pile_from_its_pages()
    {
        await using var app = await StartAsync();
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        await LiveWebApp.Eventually(() => app.Get<IPileDirectory>().IsOnlineAsync(Ocpp), "the OCPP pile online in its grain");
        await chargePoint.CallAsync("s1", "StatusNotification", """{"connectorId":2,"errorCode":"NoError","status":"Finishing"}""");
        var operations = app.Get<ChargeConsole.Features.Piles.PileOperationsService>();
        var scope = new AccessScope("op", "operator", false, null);
        var gun2 = await GunAsync(app, Ocpp + "02");
        var pileId = await IdOfAsync(app, Ocpp);

        // 释放电枪 → UnlockConnector.
        var release = operations.ReleaseGunAsync(scope, gun2.Id);
        Assert.Equal("""{"connectorId":2}""", (await AnswerAsync(chargePoint, "UnlockConnector", """{"status":"Unlocked"}""")).GetRawText());
        Assert.Equal("电桩已解锁电枪，可以拔枪", (await release).Message);

        // 读取实时数据 → TriggerMessage, and the reading is the MeterValues that follows.
        var read = operations.ReadRealtimeAsync(scope, gun2.Id);
        Assert.Equal("""{"requestedMessage":"MeterValues","connectorId":2}""",
            (await AnswerAsync(chargePoint, "TriggerMessage", """{"status":"Accepted"}""")).GetRawText());
        await chargePoint.CallAsync("m1", "MeterValues", $$"""{"connectorId":2,"meterValue":[{"timestamp":"{{Iso(DateTime.UtcNow)}}","sampledValue":[{"value":"229.5","measurand":"Voltage","unit":"V"},{"value":"15.0","measurand":"Current.Import","unit":"A"}]}]}""");
        var reading = await read;
        Assert.True(reading.Succeeded, reading.Error);
        Assert.StartsWith("状态 占用中，电压 229.5V，电流 15.0A，已充 0.0000kWh，金额 0.00元", reading.Message);

        // 配置项: GetConfiguration lists the keys; ChangeConfiguration sets one; both audited.
        var settings = operations.ReadSettingsAsync(scope, pileId);
        Assert.Equal("{}", (await AnswerAsync(chargePoint, "GetConfiguration",
            """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"},{"key":"NumberOfConnectors","readonly":true,"value":"2"}]}""")).GetRawText());
        var (outcome, keys) = await settings;
        Assert.True(outcome.Succeeded);
        Assert.Equal([new PileSetting("HeartbeatInterval", "60", false), new PileSetting("NumberOfConnectors", "2", true)], keys);
        var change = operations.ChangeSettingAsync(scope, pileId, new ChargeConsole.Features.Piles.PileSettingForm { Key = "HeartbeatInterval", Value = "120" });
        Assert.Equal("""{"key":"HeartbeatInterval","value":"120"}""", (await AnswerAsync(chargePoint, "ChangeConfiguration", """{"status":"RebootRequired"}""")).GetRawText());
        Assert.Equal("配置项 HeartbeatInterval 已设为 120，电桩重启后生效", (await change).Message);
        var tooLong = await operations.ChangeSettingAsync(scope, pileId, new ChargeConsole.Features.Piles.PileSettingForm { Key = new string('K', 51), Value = "1" });
        Assert.Equal("配置项名称不能超过50个字符", tooLong.Error);

        // 清除授权缓存 → ClearCache; a refusal is said as one.
        var clear = operations.ClearAuthCacheAsync(scope, pileId);
        Assert.Equal("{}", (await AnswerAsync(chargePoint, "ClearCache", """{"status":"Rejected"}""")).GetRawText());
        Assert.Equal("电桩拒绝清除授权缓存", (await clear).Error);

        await using var db = app.Context();
        var actions = await db.AuditLogs.Where(a => a.Target == Ocpp || a.Target == gun2.Code).Select(a => a.Action).ToListAsync();
        Assert.Superset(new HashSet<string> { "释放电枪", "读取实时数据", "读取配置项", "修改配置项 HeartbeatInterval = 120", "清除授权缓存" }, actions.ToHashSet());
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    [Fact]
    public async Task An_app_charge_across_a_price_change_is_started_metered_stopped_and_settled_per_period_to_the_fen()
    {
        await using var app = await StartAsync();
        await using (var db = app.Context())
            await db.Piles.Where(p => p.Code == Ocpp).ExecuteUpdateAsync(u => u.SetProperty(p => p.PowerKw, 1_000_000m)); // the test's 20 minutes pass in seconds
        var http = await app.AppUserAsync("13800002301");
        int userId;
        await using (var db = app.Context()) userId = await db.AppUsers.Where(u => u.Phone == "13800002301").Select(u => u.Id).SingleAsync();
        Assert.True((await app.Get<WalletService>().AdjustAsync(new AccessScope("op", "operator", false, null),
            new AdjustmentForm { AppUserId = userId, Amount = 100m, Reason = "测试充值" })).Succeeded);
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        await chargePoint.CallAsync("b1", "BootNotification", """{"chargePointVendor":"Acme","chargePointModel":"DC60"}""");
        await chargePoint.CallAsync("s1", "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Preparing"}""");
        await LiveWebApp.Eventually(async () => await app.Get<IPileDirectory>().IsOnlineAsync(Ocpp) && (await GunAsync(app, Ocpp + "01")).Status == GunStatus.Occupied,
            "the pile online and its gun 1 plugged in");

        // The app's start reaches the charge point as RemoteStartTransaction; its Accepted starts the order.
        var starting = http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Ocpp + "01", requestId = "ocpp-start-0001" });
        var remoteStart = await chargePoint.NextAsync(m => m[0].GetInt32() == 2 && m[2].GetString() == "RemoteStartTransaction");
        Assert.Equal(1, remoteStart[3].GetProperty("connectorId").GetInt32());
        var idTag = remoteStart[3].GetProperty("idTag").GetString()!;
        await chargePoint.SendAsync($$"""[3,"{{remoteStart[1].GetString()}}",{"status":"Accepted"}]""");
        var started = await starting;
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var orderNo = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();

        // The tariff fixed at start, written by hand: 峰 (slot before the boundary B) 1.00 + 0.80 yuan/kWh, 谷 (from B) 0.30 + 0.40, 平 elsewhere.
        var boundary = new DateTime((DateTime.UtcNow.AddSeconds(-10).Ticks / TimeSpan.FromMinutes(30).Ticks) * TimeSpan.FromMinutes(30).Ticks, DateTimeKind.Utc);
        var slotOfB = (boundary.AddHours(8).Hour * 60 + boundary.AddHours(8).Minute) / 30;
        var slots = Enumerable.Repeat('2', 48).ToArray();
        slots[(slotOfB + 47) % 48] = '1';
        slots[slotOfB] = '3';
        long orderId;
        await using (var db = app.Context())
        {
            orderId = await db.ChargingOrders.Where(o => o.OrderNo == orderNo).Select(o => o.Id).SingleAsync();
            await db.ChargingOrders.Where(o => o.Id == orderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Tariff,
                "t1|1|100000,100000,70000,30000|80000,80000,60000,40000|" + new string(slots)));
        }

        // The pile starts 20 minutes before B at meter 1,000 Wh, reads 11,000 Wh at B, and stops 1 s after B at 16,000 Wh.
        var tx = await chargePoint.CallAsync("t1", "StartTransaction",
            $$"""{"connectorId":1,"idTag":"{{idTag}}","meterStart":1000,"timestamp":"{{Iso(boundary.AddMinutes(-20))}}"}""");
        Assert.Equal("Accepted", tx[2].GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal(orderId, tx[2].GetProperty("transactionId").GetInt32());
        await chargePoint.CallAsync("m1", "MeterValues", $$"""{"connectorId":1,"transactionId":{{orderId}},"meterValue":[{"timestamp":"{{Iso(boundary)}}","sampledValue":[{"value":"11","unit":"kWh"},{"value":"380","measurand":"Voltage","unit":"V"},{"value":"60","measurand":"SoC","unit":"Percent"}]}]}""");
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingReports.AnyAsync(r => r.ChargingOrderId == orderId);
        }, "the meter sample kept on the order");

        // 结束充电 from the console reaches the pile as RemoteStopTransaction of that transaction.
        var stopping = app.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员");
        var remoteStop = await chargePoint.NextAsync(m => m[0].GetInt32() == 2 && m[2].GetString() == "RemoteStopTransaction");
        Assert.Equal(orderId, remoteStop[3].GetProperty("transactionId").GetInt32());
        await chargePoint.SendAsync($$"""[3,"{{remoteStop[1].GetString()}}",{"status":"Accepted"}]""");
        Assert.True((await stopping).Succeeded);
        var stopMessage = $$"""{"transactionId":{{orderId}},"meterStop":16000,"timestamp":"{{Iso(boundary.AddSeconds(1))}}","reason":"Remote"}""";
        var stopped = await chargePoint.CallAsync("t2", "StopTransaction", stopMessage);
        Assert.Equal(3, stopped[0].GetInt32());

        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Settled;
        }, "order settled", describe: async () =>
        {
            await using var db = app.Context();
            var o = await db.ChargingOrders.AsNoTracking().SingleAsync(x => x.Id == orderId);
            return $"status {o.Status}, review: {o.ReviewNote}, started {o.StartedAt:O}, meter start {o.MeterStartWh}, serial {o.TransactionSerial}";
        });
        // 10 kWh 峰 × 1.80 + 5 kWh 谷 × 0.70 = 18.00 + 3.50: electricity 10.00 + 1.50, service 8.00 + 2.00.
        async Task AssertBillAsync()
        {
            await using var db = app.Context();
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal((100_000L, 50_000L, 0L, 0L), (order.PeakEnergy.Units, order.ValleyEnergy.Units, order.FlatEnergy.Units, order.SharpEnergy.Units));
            Assert.Equal((1150L, 1000L, 2150L), (order.ElectricityFee.Fen, order.ServiceFee.Fen, order.TotalAmount.Fen));
            Assert.Equal(7850L, (await db.Wallets.SingleAsync(w => w.AppUserId == userId)).Principal.Fen);
            var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == userId);
            Assert.Equal(1, await db.LedgerEntries.CountAsync(l => l.WalletId == wallet.Id && l.Source == LedgerSource.ChargingOrder && l.Account == LedgerAccount.Principal));
        }
        await AssertBillAsync();

        // The same StopTransaction again (a reconnect lost our answer): confirmed, and nothing is charged twice.
        var again = await chargePoint.CallAsync("t3", "StopTransaction", stopMessage);
        Assert.Equal(3, again[0].GetInt32());
        await AssertBillAsync();
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task A_card_swiped_at_the_charge_point_is_authorized_starts_an_order_and_pays_from_its_owners_wallet()
    {
        await using var app = await StartAsync();
        await using (var db = app.Context())
            await db.Piles.Where(p => p.Code == Ocpp).ExecuteUpdateAsync(u => u.SetProperty(p => p.PowerKw, 1_000_000m));
        await app.AppUserAsync("13800002302");
        int userId;
        await using (var db = app.Context())
        {
            userId = await db.AppUsers.Where(u => u.Phone == "13800002302").Select(u => u.Id).SingleAsync();
            await db.AppUsers.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CardNumber, "8800000000000123"));
        }
        Assert.True((await app.Get<WalletService>().AdjustAsync(new AccessScope("op", "operator", false, null),
            new AdjustmentForm { AppUserId = userId, Amount = 20m, Reason = "测试充值" })).Succeeded);
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        // A start needs the pile online, in its grain and on its guns (a busy machine records the login a moment later).
        await LiveWebApp.Eventually(async () => await app.Get<IPileDirectory>().IsOnlineAsync(Ocpp) && (await GunAsync(app, Ocpp + "02")).Status == GunStatus.Idle, "the pile online");

        Assert.Equal("Invalid", (await chargePoint.CallAsync("a0", "Authorize", """{"idTag":"8800000000000999"}"""))[2].GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal("Accepted", (await chargePoint.CallAsync("a1", "Authorize", """{"idTag":"8800000000000123"}"""))[2].GetProperty("idTagInfo").GetProperty("status").GetString());
        var start = DateTime.UtcNow.AddMinutes(-5);
        var tx = await chargePoint.CallAsync("t1", "StartTransaction", $$"""{"connectorId":2,"idTag":"8800000000000123","meterStart":500,"timestamp":"{{Iso(start)}}"}""");
        Assert.Equal("Accepted", tx[2].GetProperty("idTagInfo").GetProperty("status").GetString());
        var transactionId = tx[2].GetProperty("transactionId").GetInt32();
        await using (var db = app.Context())
        {
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == transactionId);
            Assert.Equal((StartSource.Card, userId, Ocpp + "02"), (order.Source, order.AppUserId, order.GunCode));
            // A flat price by hand: 1.00 + 0.50 yuan/kWh all day.
            await db.ChargingOrders.Where(o => o.Id == transactionId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Tariff,
                "t1|1|100000,100000,100000,100000|50000,50000,50000,50000|" + new string('2', 48)));
        }
        // A second swipe on the busy gun is refused; the first transaction is not touched.
        await app.AppUserAsync("13800002303");
        await using (var db = app.Context())
            await db.AppUsers.Where(u => u.Phone == "13800002303").ExecuteUpdateAsync(u => u.SetProperty(x => x.CardNumber, "8800000000000456"));
        var busy = await chargePoint.CallAsync("t2", "StartTransaction", $$"""{"connectorId":2,"idTag":"8800000000000456","meterStart":500,"timestamp":"{{Iso(start)}}"}""");
        Assert.NotEqual("Accepted", busy[2].GetProperty("idTagInfo").GetProperty("status").GetString());

        await chargePoint.CallAsync("t3", "StopTransaction", $$"""{"transactionId":{{transactionId}},"idTag":"8800000000000123","meterStop":2500,"timestamp":"{{Iso(DateTime.UtcNow.AddSeconds(-1))}}","reason":"Local"}""");
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == transactionId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Settled;
        }, "the card's order settled");
        await using (var db = app.Context())
        {
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == transactionId);
            Assert.Equal((20_000L, 300L), (order.Energy.Units, order.TotalAmount.Fen)); // 2 kWh × 1.50
            Assert.Equal(1700L, (await db.Wallets.SingleAsync(w => w.AppUserId == userId)).Principal.Fen);
        }
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task A_stop_of_a_transaction_the_console_never_started_is_held_for_review()
    {
        await using var app = await StartAsync();
        await using var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        var refused = await chargePoint.CallAsync("t1", "StartTransaction", $$"""{"connectorId":1,"idTag":"STRANGER","meterStart":0,"timestamp":"{{Iso(DateTime.UtcNow)}}"}""");
        Assert.Equal("Invalid", refused[2].GetProperty("idTagInfo").GetProperty("status").GetString());

        var stop = await chargePoint.CallAsync("t2", "StopTransaction", $$"""{"transactionId":987654,"meterStop":2000,"timestamp":"{{Iso(DateTime.UtcNow)}}"}""");
        Assert.Equal(3, stop[0].GetInt32());
        await using var db = app.Context();
        var held = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.GunCode.StartsWith(Ocpp));
        Assert.Equal(ChargingOrderStatus.PendingReview, held.Status);
        Assert.Equal(20_000L, held.Energy.Units);
    }

    [Fact]
    public async Task The_built_in_OCPP_simulator_goes_through_a_whole_app_charge()
    {
        await using var app = await StartAsync();
        await using (var db = app.Context())
            await db.Piles.Where(p => p.Code == Ocpp).ExecuteUpdateAsync(u => u.SetProperty(p => p.PowerKw, 7_200m));
        var http = await app.AppUserAsync("13800002304");
        int userId;
        await using (var db = app.Context()) userId = await db.AppUsers.Where(u => u.Phone == "13800002304").Select(u => u.Id).SingleAsync();
        Assert.True((await app.Get<WalletService>().AdjustAsync(new AccessScope("op", "operator", false, null),
            new AdjustmentForm { AppUserId = userId, Amount = 100m, Reason = "测试充值" })).Succeeded);
        await using var simulated = new ChargeConsole.Devices.Simulator.SimulatedChargePoint(new() { PileCode = Ocpp, PowerKw = 7_200m,
            MeterInterval = TimeSpan.FromMilliseconds(300), ReconnectDelay = TimeSpan.FromMilliseconds(300), UnplugAfterCharge = TimeSpan.FromMilliseconds(200) },
            new Uri($"ws://{app.Http().BaseAddress!.Authority}/"));
        simulated.Start();
        await LiveWebApp.Eventually(async () => simulated.Online && await app.Get<IPileDirectory>().IsOnlineAsync(Ocpp)
            && (await GunAsync(app, Ocpp + "01")).Status == GunStatus.Idle, "simulated charge point booted, gun idle");

        var started = await http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Ocpp + "01", requestId = "ocpp-sim-0001" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var orderNo = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();
        long orderId;
        await using (var db = app.Context()) orderId = await db.ChargingOrders.Where(o => o.OrderNo == orderNo).Select(o => o.Id).SingleAsync();
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Energy).SingleAsync() > ChargeConsole.Domain.Values.Energy.Zero;
        }, "live energy on the order from MeterValues");

        Assert.True((await app.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员")).Succeeded);
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Settled;
        }, "the simulator's charge settled");
        await using (var db = app.Context())
        {
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.True(order.TotalAmount > ChargeConsole.Domain.Values.Money.Zero && !order.AmountMismatch);
        }
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task A_charge_point_that_closes_its_socket_goes_offline()
    {
        await using var app = await StartAsync();
        var chargePoint = await OcppClient.ConnectAsync(app, Ocpp);
        await LiveWebApp.Eventually(() => OnlineAsync(app, Ocpp), "online");
        await chargePoint.DisposeAsync();
        await LiveWebApp.Eventually(async () => !await OnlineAsync(app, Ocpp), "offline after the close");
        Assert.False(await app.Get<IPileDirectory>().IsOnlineAsync(Ocpp));
    }
}
