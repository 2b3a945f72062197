using System.Net.WebSockets;
using System.Text.Json;
using ChargeConsole.Devices.Cluster;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>
/// Carries a protocol-neutral <see cref="PileCommand"/> to an OCPP 1.6J charge point whose WebSocket this node holds,
/// as the matching OCPP CALL, and reads its answer in words an operator reads.
/// </summary>
public sealed class OcppCommandService(OcppSessionRegistry registry, IOptions<OcppOptions> options)
{
    public Task<CommandResult> ExecuteAsync(string pileCode, PileCommand command, CancellationToken ct = default) => command switch
    {
        StartCharge s => CallAsync(pileCode, "RemoteStartTransaction", new { connectorId = (int)s.Gun, idTag = s.LogicalCard },
            r => Status(r) == "Accepted" ? Ok("电桩已接受远程启动") : Refused("电桩拒绝启动充电"), ct),
        StopCharge s => registry.Find(pileCode)?.Transactions.TryGetValue(s.Gun, out var transaction) == true
            ? CallAsync(pileCode, "RemoteStopTransaction", new { transactionId = transaction },
                r => Status(r) == "Accepted" ? Ok("电桩已停止充电，等待电桩上传交易记录后结算") : Refused("电桩拒绝停止充电"), ct)
            : Task.FromResult(registry.Find(pileCode) is null ? Offline : Refused("该枪没有进行中的 OCPP 交易")),
        RebootPile b => CallAsync(pileCode, "Reset", new { type = b.WhenIdle ? "Soft" : "Hard" },
            r => Status(r) == "Accepted" ? Ok(b.WhenIdle ? "电桩已接受软重启" : "电桩已接受，正在重启") : Refused("电桩拒绝重启"), ct),
        SetWorkParameters w when w.MaxPowerPercent >= 100 => CallAsync(pileCode, "ChangeAvailability",
            new { connectorId = 0, type = w.Disabled ? "Inoperative" : "Operative" },
            r => Status(r) switch
            {
                "Accepted" => Ok(w.Disabled ? "电桩已停用" : "电桩已启用"),
                "Scheduled" => Ok(w.Disabled ? "电桩将在当前充电结束后停用" : "电桩将在当前充电结束后启用"),
                _ => Refused("电桩拒绝更改可用状态"),
            }, ct),
        SetWorkParameters => Task.FromResult(Refused("OCPP 电桩的功率限制请用电站功率限制设置")),
        ReadGun g => ReadAsync(pileCode, g.Gun, ct),
        UnlockGun u => CallAsync(pileCode, "UnlockConnector", new { connectorId = (int)u.Gun }, r => Status(r) switch
        {
            "Unlocked" => Ok("电桩已解锁电枪，可以拔枪"),
            "UnlockFailed" => Refused("电桩解锁电枪失败"),
            _ => Refused("该电桩不支持远程解锁电枪"),
        }, ct),
        ReadSettings k => CallAsync(pileCode, "GetConfiguration", k.Keys.Length == 0 ? new { } : (object)new { key = k.Keys }, Settings, ct),
        ChangeSetting c => CallAsync(pileCode, "ChangeConfiguration", new { key = c.Key, value = c.Value }, r => Status(r) switch
        {
            "Accepted" => Ok($"配置项 {c.Key} 已设为 {c.Value}"),
            "RebootRequired" => Ok($"配置项 {c.Key} 已设为 {c.Value}，电桩重启后生效"),
            "NotSupported" => Refused($"电桩不认识配置项 {c.Key}"),
            _ => Refused($"电桩拒绝修改配置项 {c.Key}"),
        }, ct),
        SendAuthList l => CallAsync(pileCode, "SendLocalList", new
            {
                listVersion = l.Version, updateType = "Full",
                localAuthorizationList = l.Cards.Select(idTag => new { idTag, idTagInfo = new { status = "Accepted" } }).ToArray(),
            }, r => Status(r) switch
            {
                "Accepted" => Ok($"电桩已接受本地名单第 {l.Version} 版（{l.Cards.Length} 张卡）"),
                "NotSupported" => Refused("该电桩不支持本地名单"),
                _ => Refused($"电桩未能更新本地名单（{Status(r)}）"),
            }, ct),
        UpdateFirmware f => CallAsync(pileCode, "UpdateFirmware", new { location = f.Location, retrieveDate = OcppChargePointHandler.Time(f.RetrieveAtUtc) },
            _ => Ok("电桩已接受升级指令，升级进度以电桩上报为准"), ct),
        UploadDiagnostics d => CallAsync(pileCode, "GetDiagnostics", new { location = d.Location },
            r => Ok(r.TryGetProperty("fileName", out var file) ? $"电桩将上传诊断文件 {file.GetString()}" : "电桩没有可上传的诊断文件"), ct),
        ReserveGun g => CallAsync(pileCode, "ReserveNow",
            new { connectorId = (int)g.Gun, expiryDate = OcppChargePointHandler.Time(g.ExpiresUtc), idTag = g.IdTag, reservationId = g.ReservationId },
            r => Status(r) switch
            {
                "Accepted" => Ok("电桩已预约锁定该枪"),
                "Occupied" => Refused("该枪正被占用，不能预约"),
                "Faulted" => Refused("该枪故障，不能预约"),
                "Unavailable" => Refused("该枪不可用，不能预约"),
                _ => Refused("电桩拒绝预约"),
            }, ct),
        CancelReservation c => CallAsync(pileCode, "CancelReservation", new { reservationId = c.ReservationId },
            r => Status(r) == "Accepted" ? Ok("电桩已取消预约") : Refused("电桩没有这项预约（可能已到期或已开始充电）"), ct),
        LimitGunPower { LimitWatts: { } watts } l => CallAsync(pileCode, "SetChargingProfile", new
            {
                connectorId = (int)l.Gun,
                csChargingProfiles = new
                {
                    chargingProfileId = PowerProfileId(l.Gun), stackLevel = 0, chargingProfilePurpose = "TxDefaultProfile", chargingProfileKind = "Relative",
                    chargingSchedule = new { chargingRateUnit = "W", chargingSchedulePeriod = new[] { new { startPeriod = 0, limit = (decimal)watts } } },
                },
            }, r => Status(r) == "Accepted" ? Ok($"电桩已将该枪功率限制为 {watts / 1000m:0.#} kW") : Refused("电桩拒绝功率限制"), ct),
        LimitGunPower l => CallAsync(pileCode, "ClearChargingProfile", new { id = PowerProfileId(l.Gun) },
            r => Ok(Status(r) == "Accepted" ? "电桩已解除该枪功率限制" : "该枪没有功率限制"), ct),
        ClearAuthCache => CallAsync(pileCode, "ClearCache", new { }, r => Status(r) == "Accepted" ? Ok("电桩已清除授权缓存") : Refused("电桩拒绝清除授权缓存"), ct),
        // OCPP charge points take the time from every Heartbeat and BootNotification answer.
        SetClock => Task.FromResult(Ok("OCPP 电桩按每次心跳应答的时间校时，无需单独对时")),
        // The console prices OCPP charges itself with the order's template: nothing to send.
        PushTariff => Task.FromResult(Ok("OCPP 电桩的电价由平台计费，无需下发")),
        _ => Task.FromResult(Refused("该电桩协议不支持此指令")),
    };

    /// <summary>读取实时数据: TriggerMessage asks the connector for MeterValues, and the reading is the one that follows.</summary>
    private async Task<CommandResult> ReadAsync(string pileCode, byte gun, CancellationToken ct)
    {
        if (registry.Find(pileCode) is not { } session) return Offline;
        var next = session.NextReadingAsync(gun);
        var asked = await CallAsync(pileCode, "TriggerMessage", new { requestedMessage = "MeterValues", connectorId = (int)gun },
            r => Status(r) == "Accepted" ? Ok("") : Refused("电桩拒绝上报实时数据"), ct);
        if (!asked.Succeeded) return asked;
        try
        {
            var reading = await next.WaitAsync(TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), ct);
            return new CommandResult(CommandStatus.Acknowledged, "已读取实时数据", reading);
        }
        catch (TimeoutException)
        {
            return new CommandResult(CommandStatus.TimedOut, "电桩已接受，但未在规定时间内上报实时数据");
        }
        catch (WebSocketException)
        {
            return new CommandResult(CommandStatus.Offline, "电桩在上报实时数据前断开连接");
        }
    }

    private static CommandResult Settings(JsonElement r)
    {
        var settings = r.TryGetProperty("configurationKey", out var keys)
            ? keys.EnumerateArray().Select(k => new PileSetting(k.GetProperty("key").GetString()!,
                k.TryGetProperty("value", out var v) ? v.GetString() : null, k.GetProperty("readonly").GetBoolean())).ToArray()
            : [];
        var unknown = r.TryGetProperty("unknownKey", out var u) ? u.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        return new CommandResult(CommandStatus.Acknowledged, $"已读取 {settings.Length} 个配置项", Settings: settings, UnknownKeys: unknown);
    }

    /// <summary>The console's own power-limit profile on a gun: one per connector, so a new limit replaces the old one.</summary>
    private static int PowerProfileId(byte gun) => 9000 + gun;

    private static string? Status(JsonElement payload) => payload.TryGetProperty("status", out var s) ? s.GetString() : null;

    private static readonly CommandResult Offline = new(CommandStatus.Offline, "电桩离线，指令未发送");

    private async Task<CommandResult> CallAsync(string pileCode, string action, object payload, Func<JsonElement, CommandResult> interpret, CancellationToken ct)
    {
        var session = registry.Find(pileCode);
        if (session is null) return Offline;
        var o = options.Value;
        try
        {
            var answer = await session.CallAsync(action, payload, o.MaxPendingCalls, TimeSpan.FromSeconds(o.CommandTimeoutSeconds), ct);
            return answer switch
            {
                null => new CommandResult(CommandStatus.TimedOut, "指令已发送，电桩未在规定时间内应答"),
                OcppCallError e => Refused($"电桩回复错误 {e.ErrorCode}：{e.Description}"),
                OcppCallResult r => interpret(r.Payload),
                _ => Refused("电桩应答无法识别"),
            };
        }
        catch (InvalidOperationException)
        {
            return Refused("该电桩尚有指令未应答，请稍后再试");
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return new CommandResult(CommandStatus.Offline, "电桩连接已断开，指令未送达");
        }
    }

    private static CommandResult Ok(string message) => new(CommandStatus.Acknowledged, message);
    private static CommandResult Refused(string message) => new(CommandStatus.Refused, message);
}
