using System.Net.WebSockets;
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
            status => status == "Accepted" ? Ok("电桩已接受远程启动") : Refused("电桩拒绝启动充电"), ct),
        StopCharge s => registry.Find(pileCode)?.Transactions.TryGetValue(s.Gun, out var transaction) == true
            ? CallAsync(pileCode, "RemoteStopTransaction", new { transactionId = transaction },
                status => status == "Accepted" ? Ok("电桩已停止充电，等待电桩上传交易记录后结算") : Refused("电桩拒绝停止充电"), ct)
            : Task.FromResult(registry.Find(pileCode) is null ? new CommandResult(CommandStatus.Offline, "电桩离线，指令未发送") : Refused("该枪没有进行中的 OCPP 交易")),
        RebootPile r => CallAsync(pileCode, "Reset", new { type = r.WhenIdle ? "Soft" : "Hard" },
            s => s == "Accepted" ? Ok(r.WhenIdle ? "电桩已接受软重启" : "电桩已接受，正在重启") : Refused("电桩拒绝重启"), ct),
        SetWorkParameters w when w.MaxPowerPercent >= 100 => CallAsync(pileCode, "ChangeAvailability",
            new { connectorId = 0, type = w.Disabled ? "Inoperative" : "Operative" },
            s => s switch
            {
                "Accepted" => Ok(w.Disabled ? "电桩已停用" : "电桩已启用"),
                "Scheduled" => Ok(w.Disabled ? "电桩将在当前充电结束后停用" : "电桩将在当前充电结束后启用"),
                _ => Refused("电桩拒绝更改可用状态"),
            }, ct),
        SetWorkParameters => Task.FromResult(Refused("OCPP 电桩的功率限制请用电站功率限制设置")),
        // OCPP charge points take the time from every Heartbeat and BootNotification answer.
        SetClock => Task.FromResult(Ok("OCPP 电桩按每次心跳应答的时间校时，无需单独对时")),
        // The console prices OCPP charges itself with the order's template: nothing to send.
        PushTariff => Task.FromResult(Ok("OCPP 电桩的电价由平台计费，无需下发")),
        _ => Task.FromResult(Refused("该电桩协议不支持此指令")),
    };

    private async Task<CommandResult> CallAsync(string pileCode, string action, object payload, Func<string?, CommandResult> interpret, CancellationToken ct)
    {
        var session = registry.Find(pileCode);
        if (session is null) return new CommandResult(CommandStatus.Offline, "电桩离线，指令未发送");
        var o = options.Value;
        try
        {
            var answer = await session.CallAsync(action, payload, o.MaxPendingCalls, TimeSpan.FromSeconds(o.CommandTimeoutSeconds), ct);
            return answer switch
            {
                null => new CommandResult(CommandStatus.TimedOut, "指令已发送，电桩未在规定时间内应答"),
                OcppCallError e => Refused($"电桩回复错误 {e.ErrorCode}：{e.Description}"),
                OcppCallResult r => interpret(r.Payload.TryGetProperty("status", out var s) ? s.GetString() : null),
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
