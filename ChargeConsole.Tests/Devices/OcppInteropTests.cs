using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>
/// Issue 23, item 6: charge points that no one here wrote — npm's ocpp-rpc 2.2.1 in strict mode, which checks every
/// message either way against the OCPP 1.6 schemas it ships — against the running console: a card charge stopped
/// from the console, an app charge, a reset, an unlock, the configuration and the local list, settled to the fen.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public sealed class OcppInteropTests
{
    private const string Pile = "32010200000002";
    private const string Password = "Interop-Key-0001-ABC";
    private static readonly AccessScope Operator = new("op", "operator", false, null);

    private static async Task<LiveWebApp> StartAsync()
    {
        var app = LiveWebApp.Start();
        var piles = app.Get<PileService>();
        await using (var db = app.Context())
            await db.Piles.Where(p => p.Code == Pile).ExecuteUpdateAsync(u => u.SetProperty(p => p.Protocol, PileProtocol.Ocpp16J));
        var form = (await piles.GetAsync(Operator, await PileIdAsync(app)))!;
        form.OcppPassword = Password;
        Assert.True((await piles.SaveAsync(Operator, form)).Succeeded);
        // Beyond what the form allows, so that the tests' minutes of energy in seconds pass the settlement's plausibility check.
        await using (var db = app.Context())
            await db.Piles.Where(p => p.Code == Pile).ExecuteUpdateAsync(u => u.SetProperty(p => p.PowerKw, 1_000_000m));
        return app;
    }

    private static async Task<int> PileIdAsync(LiveWebApp app)
    {
        await using var db = app.Context();
        return await db.Piles.Where(p => p.Code == Pile).Select(p => p.Id).SingleAsync();
    }

    private static async Task<int> UserWithWalletAsync(LiveWebApp app, string phone, decimal yuan, string? card = null)
    {
        await app.AppUserAsync(phone);
        await using var db = app.Context();
        var id = await db.AppUsers.Where(u => u.Phone == phone).Select(u => u.Id).SingleAsync();
        if (card is not null) await db.AppUsers.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CardNumber, card));
        Assert.True((await app.Get<WalletService>().AdjustAsync(Operator, new AdjustmentForm { AppUserId = id, Amount = yuan, Reason = "互通测试充值" })).Succeeded);
        return id;
    }

    /// <summary>A flat price written by hand on the order: 1.20 electricity + 0.60 service = 1.80 yuan per kWh.</summary>
    private static async Task FlatTariffAsync(LiveWebApp app, long orderId)
    {
        await using var db = app.Context();
        await db.ChargingOrders.Where(o => o.Id == orderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Tariff,
            "t1|1|120000,120000,120000,120000|60000,60000,60000,60000|" + new string('2', 48)));
    }

    private static async Task SettledAsync(LiveWebApp app, long orderId) =>
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Settled;
        }, $"order {orderId} settled");

    /// <summary>A start needs the pile online in its grain, in the database and on its guns (the login is recorded a moment after the upgrade).</summary>
    private static Task OnlineAsync(LiveWebApp app) => LiveWebApp.Eventually(async () =>
    {
        await using var db = app.Context();
        return await app.Get<IPileDirectory>().IsOnlineAsync(Pile) && await db.Piles.AnyAsync(p => p.Code == Pile && p.Online)
            && !await db.Guns.AnyAsync(g => g.Code.StartsWith(Pile) && g.Status == GunStatus.Offline);
    }, "the OCPP pile online");

    private static string Now(int minutes = 0) => DateTime.UtcNow.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    [Fact]
    public async Task An_ocpp_rpc_charge_point_needs_its_password_and_charges_with_a_card_stopped_from_the_console_to_the_fen()
    {
        await using var app = await StartAsync();
        var userId = await UserWithWalletAsync(app, "13800002401", 30m, card: "8800000000000777");

        Assert.Equal(401, (await Assert.ThrowsAsync<OcppClient.UpgradeRefused>(() => OcppRpcChargePoint.ConnectAsync(app, Pile, "Wrong-Key-0001-ABCDE"))).Status);
        await using var chargePoint = await OcppRpcChargePoint.ConnectAsync(app, Pile, Password);
        await OnlineAsync(app);
        var boot = await chargePoint.CallAsync("BootNotification", new { chargePointVendor = "ocpp-rpc", chargePointModel = "interop", firmwareVersion = "2.2.1" });
        Assert.Equal(("Accepted", 60), (boot.GetProperty("status").GetString(), boot.GetProperty("interval").GetInt32()));
        foreach (var connector in new[] { 1, 2 })
            await chargePoint.CallAsync("StatusNotification", new { connectorId = connector, errorCode = "NoError", status = "Available", timestamp = Now() });
        await chargePoint.CallAsync("Heartbeat", new { });

        Assert.Equal("Invalid", (await chargePoint.CallAsync("Authorize", new { idTag = "8800000000000000" })).GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal("Accepted", (await chargePoint.CallAsync("Authorize", new { idTag = "8800000000000777" })).GetProperty("idTagInfo").GetProperty("status").GetString());
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Preparing", timestamp = Now() });
        var start = await chargePoint.CallAsync("StartTransaction", new { connectorId = 1, idTag = "8800000000000777", meterStart = 1000, timestamp = Now(-10) });
        Assert.Equal("Accepted", start.GetProperty("idTagInfo").GetProperty("status").GetString());
        long orderId = start.GetProperty("transactionId").GetInt32();
        await FlatTariffAsync(app, orderId);
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging", timestamp = Now() });
        await chargePoint.CallAsync("MeterValues", new
        {
            connectorId = 1, transactionId = orderId,
            meterValue = new[] { new { timestamp = Now(-5), sampledValue = new object[]
            {
                new { value = "3500", measurand = "Energy.Active.Import.Register", unit = "Wh", context = "Sample.Periodic" },
                new { value = "30000", measurand = "Power.Active.Import", unit = "W" },
                new { value = "400.5", measurand = "Voltage", unit = "V" },
                new { value = "75", measurand = "Current.Import", unit = "A" },
                new { value = "46", measurand = "SoC", unit = "Percent" },
            } } },
        });
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Charging;
        }, "the card's order charging");

        // 结束充电 from the console → RemoteStopTransaction of that transaction; the pile stops at 6,000 Wh.
        var stopping = app.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员");
        var remoteStop = await chargePoint.ConsoleCallAsync("RemoteStopTransaction");
        Assert.Equal(orderId, remoteStop.GetProperty("params").GetProperty("transactionId").GetInt64());
        Assert.True((await stopping).Succeeded);
        var stop = new { transactionId = orderId, idTag = "8800000000000777", meterStop = 6000, timestamp = Now(), reason = "Remote" };
        Assert.Equal("Accepted", (await chargePoint.CallAsync("StopTransaction", stop)).GetProperty("idTagInfo").GetProperty("status").GetString());
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Finishing", timestamp = Now() });
        await SettledAsync(app, orderId);

        // 5 kWh × (1.20 + 0.60) = 6.00 + 3.00 = 9.00 yuan; the wallet 30.00 → 21.00. The same stop again changes nothing.
        async Task AssertBillAsync()
        {
            await using var db = app.Context();
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal((50_000L, 600L, 300L, 900L), (order.Energy.Units, order.ElectricityFee.Fen, order.ServiceFee.Fen, order.TotalAmount.Fen));
            Assert.Equal((StartSource.Card, userId), (order.Source, order.AppUserId));
            Assert.Equal(2100L, (await db.Wallets.SingleAsync(w => w.AppUserId == userId)).Principal.Fen);
        }
        await AssertBillAsync();
        await chargePoint.CallAsync("StopTransaction", stop);
        await AssertBillAsync();
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
        Assert.Empty(chargePoint.StrictFailures);
    }

    [Fact]
    public async Task An_ocpp_rpc_charge_point_takes_an_app_charge_a_reset_an_unlock_its_configuration_and_the_local_list()
    {
        await using var app = await StartAsync();
        var userId = await UserWithWalletAsync(app, "13800002402", 50m, card: "8800000000000888");
        var http = await app.AppUserAsync("13800002402");
        await using var chargePoint = await OcppRpcChargePoint.ConnectAsync(app, Pile, Password);
        await OnlineAsync(app);
        await chargePoint.CallAsync("BootNotification", new { chargePointVendor = "ocpp-rpc", chargePointModel = "interop" });
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 2, errorCode = "NoError", status = "Preparing", timestamp = Now() });
        var operations = app.Get<PileOperationsService>();
        var pileId = await PileIdAsync(app);

        // The local list: the enabled users' cards as version 1; unchanged → nothing sent; a new card → version 2.
        var list = app.Get<OcppLocalList>();
        var pushed = list.PushAsync(CancellationToken.None);
        var sendList = await chargePoint.ConsoleCallAsync("SendLocalList");
        Assert.Equal(1, await pushed);
        Assert.Equal(("Full", 1), (sendList.GetProperty("params").GetProperty("updateType").GetString(), sendList.GetProperty("params").GetProperty("listVersion").GetInt32()));
        Assert.Contains("8800000000000888", sendList.GetProperty("localList").GetProperty("cards").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, await list.PushAsync(CancellationToken.None));
        await using (var db = app.Context())
            await db.AppUsers.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true));
        pushed = list.PushAsync(CancellationToken.None);
        var second = await chargePoint.ConsoleCallAsync("SendLocalList");
        Assert.Equal(1, await pushed);
        Assert.Equal(2, second.GetProperty("params").GetProperty("listVersion").GetInt32());
        Assert.DoesNotContain("8800000000000888", second.GetProperty("localList").GetProperty("cards").EnumerateArray().Select(c => c.GetString()));
        await using (var db = app.Context())
        {
            Assert.Equal(2, await db.Piles.Where(p => p.Code == Pile).Select(p => p.OcppLocalListVersion).SingleAsync());
            await db.AppUsers.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, false));
        }

        // The app's start → RemoteStartTransaction; the pile's StartTransaction with that idTag starts the order.
        var starting = http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Pile + "02", requestId = "interop-start-0001" });
        var remoteStart = await chargePoint.ConsoleCallAsync("RemoteStartTransaction");
        var started = await starting;
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var orderNo = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();
        var idTag = remoteStart.GetProperty("params").GetProperty("idTag").GetString();
        var tx = await chargePoint.CallAsync("StartTransaction", new { connectorId = 2, idTag, meterStart = 250_000, timestamp = Now(-20) });
        long orderId = tx.GetProperty("transactionId").GetInt32();
        await using (var db = app.Context())
            Assert.Equal(orderNo, await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.OrderNo).SingleAsync());
        await FlatTariffAsync(app, orderId);

        // 读取实时数据 → TriggerMessage; the MeterValues the pile then sends is the reading (2.5 kWh × 1.80 = 4.50 so far).
        int gun2;
        await using (var db = app.Context()) gun2 = await db.Guns.Where(g => g.Code == Pile + "02").Select(g => g.Id).SingleAsync();
        var reading = operations.ReadRealtimeAsync(Operator, gun2);
        var trigger = await chargePoint.ConsoleCallAsync("TriggerMessage");
        Assert.Equal("MeterValues", trigger.GetProperty("params").GetProperty("requestedMessage").GetString());
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 2, errorCode = "NoError", status = "Charging", timestamp = Now() });
        await chargePoint.CallAsync("MeterValues", new
        {
            connectorId = 2, transactionId = orderId,
            meterValue = new[] { new { timestamp = Now(), sampledValue = new object[]
            {
                new { value = "252.5", measurand = "Energy.Active.Import.Register", unit = "kWh", context = "Trigger" },
                new { value = "398", measurand = "Voltage", unit = "V" },
            } } },
        });
        var read = await reading;
        Assert.True(read.Succeeded, read.Error);
        Assert.StartsWith("状态 充电中，电压 398.0V，电流 0.0A，已充 2.5000kWh，金额 4.50元", read.Message);

        // The app's stop → RemoteStopTransaction; 4 kWh in all × 1.80 = 7.20; the wallet 50.00 → 42.80.
        var stopping = http.PostAsync($"/api/app/v1/orders/{orderNo}/stop", null);
        var remoteStop = await chargePoint.ConsoleCallAsync("RemoteStopTransaction");
        Assert.Equal(orderId, remoteStop.GetProperty("params").GetProperty("transactionId").GetInt64());
        Assert.True((await stopping).IsSuccessStatusCode);
        await chargePoint.CallAsync("StopTransaction", new { transactionId = orderId, meterStop = 254_000, timestamp = Now(), reason = "Remote" });
        await SettledAsync(app, orderId);
        await using (var db = app.Context())
        {
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal((40_000L, 480L, 240L, 720L), (order.Energy.Units, order.ElectricityFee.Fen, order.ServiceFee.Fen, order.TotalAmount.Fen));
            Assert.Equal(4280L, (await db.Wallets.SingleAsync(w => w.AppUserId == userId)).Principal.Fen);
        }
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);

        // 释放电枪 → UnlockConnector; 远程重启 → Reset Hard; the pile's refusal is said as one.
        var unlocking = operations.ReleaseGunAsync(Operator, gun2);
        Assert.Equal(2, (await chargePoint.ConsoleCallAsync("UnlockConnector")).GetProperty("params").GetProperty("connectorId").GetInt32());
        Assert.Equal("电桩已解锁电枪，可以拔枪", (await unlocking).Message);
        var rebooting = operations.RebootAsync(Operator, pileId, whenIdle: false);
        Assert.Equal("Hard", (await chargePoint.ConsoleCallAsync("Reset")).GetProperty("params").GetProperty("type").GetString());
        Assert.Equal("电桩已接受，正在重启", (await rebooting).Message);
        await chargePoint.AnswerNextAsync("Reset", new { status = "Rejected" });
        var refusedReboot = operations.RebootAsync(Operator, pileId, whenIdle: true);
        Assert.Equal("Soft", (await chargePoint.ConsoleCallAsync("Reset")).GetProperty("params").GetProperty("type").GetString());
        Assert.Equal("电桩拒绝重启", (await refusedReboot).Error);

        // 配置项: read, change a writable key, see it changed; a read-only key is refused.
        var reading1 = operations.ReadSettingsAsync(Operator, pileId);
        await chargePoint.ConsoleCallAsync("GetConfiguration");
        var (outcome, settings) = await reading1;
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Contains(new PileSetting("LocalAuthListMaxLength", "1000", true), settings);
        var changing = operations.ChangeSettingAsync(Operator, pileId, new PileSettingForm { Key = "HeartbeatInterval", Value = "120" });
        await chargePoint.ConsoleCallAsync("ChangeConfiguration");
        Assert.True((await changing).Succeeded);
        var reading2 = operations.ReadSettingsAsync(Operator, pileId);
        await chargePoint.ConsoleCallAsync("GetConfiguration");
        Assert.Contains(new PileSetting("HeartbeatInterval", "120", false), (await reading2).Settings);
        var readOnly = operations.ChangeSettingAsync(Operator, pileId, new PileSettingForm { Key = "NumberOfConnectors", Value = "4" });
        await chargePoint.ConsoleCallAsync("ChangeConfiguration");
        Assert.Equal("电桩拒绝修改配置项 NumberOfConnectors", (await readOnly).Error);

        // 固件与诊断: UpdateFirmware with the URL, GetDiagnostics; the pile's status notifications shown on the pile.
        Assert.Equal("文件地址须为 http、https、ftp、ftps 或 sftp 开头的完整地址",
            (await operations.UpdateFirmwareAsync(Operator, pileId, new PileFileLocationForm { Location = "file:///etc/passwd" })).Error);
        var updating = operations.UpdateFirmwareAsync(Operator, pileId, new PileFileLocationForm { Location = "https://firmware.example.com/dc60-2.0.bin" });
        Assert.Equal("https://firmware.example.com/dc60-2.0.bin", (await chargePoint.ConsoleCallAsync("UpdateFirmware")).GetProperty("params").GetProperty("location").GetString());
        Assert.True((await updating).Succeeded);
        await chargePoint.CallAsync("FirmwareStatusNotification", new { status = "Downloading" });
        await chargePoint.CallAsync("FirmwareStatusNotification", new { status = "Installed" });
        var diagnostics = operations.UploadDiagnosticsAsync(Operator, pileId, new PileFileLocationForm { Location = "ftp://logs.example.com/upload/" });
        await chargePoint.ConsoleCallAsync("GetDiagnostics");
        Assert.Equal("电桩将上传诊断文件 diagnostics.log", (await diagnostics).Message);
        await chargePoint.CallAsync("DiagnosticsStatusNotification", new { status = "Uploaded" });
        await LiveWebApp.Eventually(async () => await operations.MaintenanceAsync(Operator, pileId) is { FirmwareStatus: "Installed", DiagnosticsStatus: "Uploaded" },
            "固件 已安装 and 诊断 已上传 shown on the pile");

        Assert.Empty(chargePoint.StrictFailures);
    }

    [Fact]
    public async Task Our_own_simulator_goes_through_the_same_runs_with_ocpp_rpc_judging_every_message()
    {
        await using var app = await StartAsync();
        var userId = await UserWithWalletAsync(app, "13800002403", 30m, card: "8800000000000999");
        await using var relay = await OcppRpcRelay.StartAsync(app);
        await using var simulator = new ChargeConsole.Devices.Simulator.SimulatedChargePoint(new ChargeConsole.Devices.Simulator.SimulatedChargePointOptions
        {
            PileCode = Pile, Password = Password, MeterInterval = TimeSpan.FromHours(1), UnplugAfterCharge = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
        }, relay.Endpoint);
        simulator.Start();
        await LiveWebApp.Eventually(() => Task.FromResult(simulator.Online), "the simulator booted through the relay");
        await OnlineAsync(app);
        var operations = app.Get<PileOperationsService>();
        var pileId = await PileIdAsync(app);

        // The local list reaches it.
        Assert.Equal(1, await app.Get<OcppLocalList>().PushAsync(CancellationToken.None));
        Assert.Equal(1, simulator.LocalListVersion);
        Assert.Contains("8800000000000999", simulator.LocalList);

        // A card swipe, 5 kWh, 结束充电 from the console: 5 × 1.80 = 9.00 yuan, the wallet 30.00 → 21.00.
        var transaction = await simulator.SwipeCardAsync(1, "8800000000000999");
        Assert.NotNull(transaction);
        long orderId = transaction.Value;
        await FlatTariffAsync(app, orderId);
        await simulator.ChargeAsync(1, 5000);
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync() == ChargingOrderStatus.Charging;
        }, "the card's order charging");
        Assert.True((await app.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员")).Succeeded);
        await SettledAsync(app, orderId);
        await using (var db = app.Context())
        {
            var order = await db.ChargingOrders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal((50_000L, 900L, StartSource.Card), (order.Energy.Units, order.TotalAmount.Fen, order.Source));
            Assert.Equal(2100L, (await db.Wallets.SingleAsync(w => w.AppUserId == userId)).Principal.Fen);
        }
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);

        // Unlock, configuration read and change, reset (the simulator restarts and boots again).
        int gun1;
        await using (var db = app.Context()) gun1 = await db.Guns.Where(g => g.Code == Pile + "01").Select(g => g.Id).SingleAsync();
        Assert.Equal("电桩已解锁电枪，可以拔枪", (await operations.ReleaseGunAsync(Operator, gun1)).Message);
        Assert.True((await operations.ChangeSettingAsync(Operator, pileId, new PileSettingForm { Key = "HeartbeatInterval", Value = "90" })).Succeeded);
        Assert.Contains(new PileSetting("HeartbeatInterval", "90", false), (await operations.ReadSettingsAsync(Operator, pileId)).Settings);
        var boots = simulator.Boots;
        Assert.True((await operations.RebootAsync(Operator, pileId, whenIdle: false)).Succeeded);
        await LiveWebApp.Eventually(() => Task.FromResult(simulator.Boots > boots && simulator.Online), "the simulator booted again after Reset");

        Assert.Equal(["SendLocalList", "RemoteStopTransaction", "UnlockConnector", "ChangeConfiguration", "GetConfiguration", "Reset"], relay.Relayed("console"));
        Assert.Superset(new HashSet<string> { "BootNotification", "StatusNotification", "Authorize", "StartTransaction", "MeterValues", "StopTransaction" },
            relay.Relayed("pile").ToHashSet());
        Assert.Empty(relay.StrictFailures);
    }

    [Fact]
    public async Task An_ocpp_rpc_charge_point_takes_reservations_and_shares_its_station_s_power_limit_among_its_charging_guns()
    {
        await using var app = await StartAsync();
        await UserWithWalletAsync(app, "13800002404", 50m, card: "8800000000000555");
        await UserWithWalletAsync(app, "13800002405", 50m, card: "8800000000000556");
        await using var chargePoint = await OcppRpcChargePoint.ConnectAsync(app, Pile, Password);
        await OnlineAsync(app);
        await chargePoint.CallAsync("BootNotification", new { chargePointVendor = "ocpp-rpc", chargePointModel = "interop" });
        foreach (var connector in new[] { 1, 2 })
            await chargePoint.CallAsync("StatusNotification", new { connectorId = connector, errorCode = "NoError", status = "Available", timestamp = Now() });
        int gun1, gun2, stationId;
        await using (var db = app.Context())
        {
            gun1 = await db.Guns.Where(g => g.Code == Pile + "01").Select(g => g.Id).SingleAsync();
            gun2 = await db.Guns.Where(g => g.Code == Pile + "02").Select(g => g.Id).SingleAsync();
            stationId = await db.Piles.Where(p => p.Code == Pile).Select(p => p.StationId).SingleAsync();
        }
        await LiveWebApp.Eventually(async () => { await using var db = app.Context(); return await db.Guns.Where(g => g.Id == gun1).Select(g => g.Status).SingleAsync() == GunStatus.Idle; }, "gun 1 idle");
        var reservations = app.Get<GunReservations>();

        // 预约锁定 → ReserveNow for the card; an unregistered card is refused before anything is sent.
        Assert.Equal("卡号【8800000000009999】未登记或其用户已停用", (await reservations.ReserveAsync(Operator, gun1, new GunReservationForm { CardNumber = "8800000000009999" })).Error);
        var reserving = reservations.ReserveAsync(Operator, gun1, new GunReservationForm { CardNumber = "8800000000000555", Minutes = 30 });
        var reserveNow = (await chargePoint.ConsoleCallAsync("ReserveNow")).GetProperty("params");
        Assert.Equal((1, "8800000000000555", gun1), (reserveNow.GetProperty("connectorId").GetInt32(), reserveNow.GetProperty("idTag").GetString(), reserveNow.GetProperty("reservationId").GetInt32()));
        Assert.True((await reserving).Succeeded);
        await chargePoint.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Reserved", timestamp = Now() });
        await LiveWebApp.Eventually(async () => { await using var db = app.Context(); return await db.Guns.Where(g => g.Id == gun1).Select(g => g.Status).SingleAsync() == GunStatus.Reserved; }, "gun 1 预约锁定");

        // Another card cannot start on it; the reserved card can, and the reservation is used up.
        var other = await chargePoint.CallAsync("StartTransaction", new { connectorId = 1, idTag = "8800000000000556", meterStart = 0, timestamp = Now() });
        Assert.Equal("Blocked", other.GetProperty("idTagInfo").GetProperty("status").GetString());
        var first = await chargePoint.CallAsync("StartTransaction", new { connectorId = 1, idTag = "8800000000000555", meterStart = 0, timestamp = Now(-1), reservationId = gun1 });
        Assert.Equal("Accepted", first.GetProperty("idTagInfo").GetProperty("status").GetString());
        await using (var db = app.Context())
            Assert.Null(await db.Guns.Where(g => g.Id == gun1).Select(g => g.ReservedFor).SingleAsync());

        // A reservation cancelled from the console → CancelReservation with its id.
        var reserving2 = reservations.ReserveAsync(Operator, gun2, new GunReservationForm { CardNumber = "8800000000000556", Minutes = 10 });
        await chargePoint.ConsoleCallAsync("ReserveNow");
        Assert.True((await reserving2).Succeeded);
        var cancelling = reservations.CancelAsync(Operator, gun2);
        Assert.Equal(gun2, (await chargePoint.ConsoleCallAsync("CancelReservation")).GetProperty("params").GetProperty("reservationId").GetInt32());
        Assert.Equal("电桩已取消预约", (await cancelling).Message);

        // 电站功率限制 60 kW: the one charging gun gets it all; a second charge halves it; the first stop gives it back.
        var stations = app.Get<ChargeConsole.Features.Stations.StationService>();
        var station = (await stations.GetAsync(Operator, stationId))!;
        station.PowerLimitKw = 60m;
        Assert.True((await stations.SaveAsync(Operator, station)).Succeeded);
        static (int Connector, decimal Limit, string Purpose) Profile(JsonElement call)
        {
            var p = call.GetProperty("params");
            var profile = p.GetProperty("csChargingProfiles");
            return (p.GetProperty("connectorId").GetInt32(), profile.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal(),
                profile.GetProperty("chargingProfilePurpose").GetString()!);
        }
        Assert.Equal((1, 60000m, "TxDefaultProfile"), Profile(await chargePoint.ConsoleCallAsync("SetChargingProfile")));
        var second = await chargePoint.CallAsync("StartTransaction", new { connectorId = 2, idTag = "8800000000000556", meterStart = 0, timestamp = Now(-1) });
        Assert.Equal("Accepted", second.GetProperty("idTagInfo").GetProperty("status").GetString());
        var halves = new[] { Profile(await chargePoint.ConsoleCallAsync("SetChargingProfile")), Profile(await chargePoint.ConsoleCallAsync("SetChargingProfile")) };
        Assert.Equal([(1, 30000m, "TxDefaultProfile"), (2, 30000m, "TxDefaultProfile")], halves.OrderBy(h => h.Connector));
        await chargePoint.CallAsync("StopTransaction", new { transactionId = first.GetProperty("transactionId").GetInt32(), meterStop = 1000, timestamp = Now(), reason = "Local" });
        Assert.Equal((2, 60000m, "TxDefaultProfile"), Profile(await chargePoint.ConsoleCallAsync("SetChargingProfile")));

        // The limit removed: the console's caps are cleared.
        station = (await stations.GetAsync(Operator, stationId))!;
        station.PowerLimitKw = null;
        Assert.True((await stations.SaveAsync(Operator, station)).Succeeded);
        var cleared = new[] { await chargePoint.ConsoleCallAsync("ClearChargingProfile"), await chargePoint.ConsoleCallAsync("ClearChargingProfile") };
        Assert.Equal([9001, 9002], cleared.Select(c => c.GetProperty("params").GetProperty("id").GetInt32()).Order());
        Assert.Empty(chargePoint.StrictFailures);
    }
}
