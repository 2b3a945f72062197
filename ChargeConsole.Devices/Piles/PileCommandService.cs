using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Ykc;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// Carries a protocol-neutral <see cref="PileCommand"/> to a YKC pile whose connection this node holds: the frame
/// out, the matching reply back within the command timeout, and the reply in words an operator reads.
/// Callers elsewhere go through <see cref="IPileDirectory"/>, which finds the node holding the pile.
/// </summary>
public sealed class PileCommandService(PileSessionRegistry registry, IOptions<YkcOptions> options)
{
    public Task<CommandResult> ExecuteAsync(string pileCode, PileCommand command, CancellationToken ct = default) => command switch
    {
        StartCharge s => SendAsync(pileCode, new RemoteStart(s.TransactionSerial, pileCode, s.Gun, s.LogicalCard, s.PhysicalCard, s.LimitFen),
            MessageType.RemoteStartReply, r => ((RemoteStartReply)r).Serial == s.TransactionSerial,
            r => r is RemoteStartReply { Succeeded: true } ? Ok("电桩已启动充电") : Refused(StartFailure(((RemoteStartReply)r).FailureReason)), ct),
        StopCharge s => SendAsync(pileCode, new RemoteStop(pileCode, s.Gun), MessageType.RemoteStopReply, r => ((RemoteStopReply)r).Gun == s.Gun,
            r => r is RemoteStopReply { Succeeded: true } ? Ok("电桩已停止充电，等待电桩上传交易记录后结算")
                : ((RemoteStopReply)r).FailureReason == 2 ? Ok("电桩回复该枪已不在充电，等待电桩上传交易记录后结算")
                : Refused("电桩拒绝停止充电"), ct),
        RebootPile b => SendAsync(pileCode, new Reboot(pileCode, b.WhenIdle ? (byte)2 : (byte)1), MessageType.RebootReply, null,
            r => ((PileResultReply)r).Succeeded ? Ok(b.WhenIdle ? "电桩已接受，将在空闲时重启" : "电桩已接受，正在重启") : Refused("电桩拒绝重启"), ct),
        SetClock c => SendAsync(pileCode, new TimeSync(MessageType.TimeSync, pileCode, c.ChinaTime), MessageType.TimeSyncReply, null,
            r => Ok($"电桩时间已设为 {((TimeSync)r).Time:yyyy-MM-dd HH:mm:ss}"), ct),
        SetWorkParameters w => SendAsync(pileCode, new WorkParams(pileCode, w.Disabled, w.MaxPowerPercent), MessageType.WorkParamsReply, null,
            r => ((PileResultReply)r).Succeeded ? Ok("工作参数已生效") : Refused("电桩拒绝设置工作参数"), ct),
        ReadGun g => SendAsync(pileCode, new ReadRealtime(pileCode, g.Gun), MessageType.Realtime, r => ((RealtimeData)r).Gun == g.Gun,
            r => new CommandResult(CommandStatus.Acknowledged, "已读取实时数据", Reading((RealtimeData)r)), ct),
        PushTariff t => SendAsync(pileCode,
            new BillingModel(pileCode, t.ModelNumber, t.Rates.Select(r => new PeriodRate(r.Electricity, r.Service)).ToList(), t.LossRatio, t.HalfHourPeriods, IsPush: true),
            MessageType.BillingSetReply, null,
            r => ((PileResultReply)r).Succeeded ? Ok("电桩已确认") : Refused("电桩拒绝设置计费模型（可能正在充电）"), ct),
        _ => Task.FromResult(Refused("该电桩协议不支持此指令")),
    };

    private async Task<CommandResult> SendAsync(string pileCode, IYkcMessage request, byte replyType, Func<IYkcMessage, bool>? matches,
        Func<IYkcMessage, CommandResult> interpret, CancellationToken ct)
    {
        var session = registry.Find(pileCode);
        if (session is null) return new CommandResult(CommandStatus.Offline, "电桩离线，指令未发送");
        var pending = session.Expect(replyType, matches ?? (_ => true));
        try
        {
            await session.SendAsync(request, ct);
            var reply = await pending.Completion.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), ct);
            return reply is null ? new CommandResult(CommandStatus.Offline, "电桩在应答前断开连接") : interpret(reply);
        }
        catch (TimeoutException)
        {
            return new CommandResult(CommandStatus.TimedOut, "指令已发送，电桩未在规定时间内应答");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            return new CommandResult(CommandStatus.Offline, "电桩连接已断开，指令未送达");
        }
        finally
        {
            session.Forget(pending);
        }
    }

    private static CommandResult Ok(string message) => new(CommandStatus.Acknowledged, message);
    private static CommandResult Refused(string message) => new(CommandStatus.Refused, message);

    /// <summary>A 0x13 in neutral terms.</summary>
    public static GunReading Reading(RealtimeData d) => new(ConditionOf(d), d.VoltageDeciV / 10m, d.CurrentDeciA / 10m, d.Energy / 10000m, d.Amount / 10000m, d.Soc, d.FaultBits);

    /// <summary>0x13 status to what the gun is doing (JCPP's reading of the spec).</summary>
    public static GunCondition ConditionOf(RealtimeData data) => data.Status switch
    {
        0 or 1 => GunCondition.Fault,
        2 => data.PluggedIn == 1 ? GunCondition.Occupied : GunCondition.Idle,
        3 => data.HasOrder ? GunCondition.Charging : GunCondition.Occupied,
        _ => GunCondition.Fault,
    };

    private static string StartFailure(byte reason) => reason switch
    {
        0x01 => "桩编号不匹配",
        0x02 => "电枪正在充电",
        0x03 => "设备故障",
        0x04 => "设备离线",
        0x05 => "未插枪，请插好充电枪后重试",
        _ => $"电桩拒绝启动（原因 0x{reason:X2}）",
    };
}
