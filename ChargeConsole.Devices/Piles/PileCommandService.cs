using ChargeConsole.Devices.Ykc;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

public enum CommandStatus { Acknowledged, Refused, TimedOut, Offline }

/// <summary>What became of a command, in words an operator reads.</summary>
public sealed record CommandResult(CommandStatus Status, string Message, IYkcMessage? Reply = null)
{
    public bool Succeeded => Status == CommandStatus.Acknowledged;
}

/// <summary>Sends a frame to a pile and waits for the matching reply, with a timeout.</summary>
public sealed class PileCommandService(PileSessionRegistry registry, IOptions<YkcOptions> options)
{
    public async Task<CommandResult> SendAsync(string pileCode, IYkcMessage request, byte replyType, Func<IYkcMessage, bool>? matches = null,
        Func<IYkcMessage, (bool Ok, string Message)>? interpret = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var session = registry.Find(pileCode);
        if (session is null) return new CommandResult(CommandStatus.Offline, "电桩离线，指令未发送");
        var pending = session.Expect(replyType, matches ?? (_ => true));
        try
        {
            await session.SendAsync(request, ct);
            var reply = await pending.Completion.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), ct);
            if (reply is null) return new CommandResult(CommandStatus.Offline, "电桩在应答前断开连接");
            var (ok, message) = interpret?.Invoke(reply) ?? (true, "电桩已确认");
            return new CommandResult(ok ? CommandStatus.Acknowledged : CommandStatus.Refused, message, reply);
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

    public Task<CommandResult> RebootAsync(string pileCode, bool whenIdle, CancellationToken ct = default) =>
        SendAsync(pileCode, new Reboot(pileCode, whenIdle ? (byte)2 : (byte)1), MessageType.RebootReply,
            interpret: r => ((PileResultReply)r).Succeeded ? (true, whenIdle ? "电桩已接受，将在空闲时重启" : "电桩已接受，正在重启") : (false, "电桩拒绝重启"), ct: ct);

    public Task<CommandResult> ReadRealtimeAsync(string pileCode, byte gun, CancellationToken ct = default) =>
        SendAsync(pileCode, new ReadRealtime(pileCode, gun), MessageType.Realtime, r => ((RealtimeData)r).Gun == gun,
            r => (true, "已读取实时数据"), ct: ct);

    public Task<CommandResult> SyncTimeAsync(string pileCode, DateTime chinaTime, CancellationToken ct = default) =>
        SendAsync(pileCode, new TimeSync(MessageType.TimeSync, pileCode, chinaTime), MessageType.TimeSyncReply,
            interpret: r => (true, $"电桩时间已设为 {((TimeSync)r).Time:yyyy-MM-dd HH:mm:ss}"), ct: ct);

    public Task<CommandResult> SetWorkParamsAsync(string pileCode, bool disabled, byte maxPowerPercent, CancellationToken ct = default) =>
        SendAsync(pileCode, new WorkParams(pileCode, disabled, maxPowerPercent), MessageType.WorkParamsReply,
            interpret: r => ((PileResultReply)r).Succeeded ? (true, "工作参数已生效") : (false, "电桩拒绝设置工作参数"), ct: ct);
}
