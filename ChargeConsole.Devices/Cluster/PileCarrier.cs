using ChargeConsole.Devices.Piles;
using Microsoft.Extensions.Logging;

namespace ChargeConsole.Devices.Cluster;

/// <summary>This node's end of the pile grains: runs their commands on the sockets this node holds.</summary>
public sealed class PileCarrier(PileSessionRegistry registry, PileCommandService commands, IPileEventSink sink, ILogger<PileCarrier> log) : IPileNode
{
    public Task<CommandResult> Execute(string pileCode, string connectionId, PileCommand command)
    {
        var session = registry.Find(pileCode);
        if (session is null || session.LinkId != connectionId)
            return Task.FromResult(new CommandResult(CommandStatus.Offline, "电桩已断开，指令未发送"));
        return commands.ExecuteAsync(pileCode, command);
    }

    public Task Close(string pileCode, string connectionId, string reason)
    {
        var session = registry.Find(pileCode);
        if (session is not null && session.LinkId == connectionId && registry.Release(session))
        {
            log.LogWarning("Pile {Pile}: connection from {Remote} closed, {Reason}", pileCode, session.RemoteAddress, reason);
            sink.OnMovedAway(pileCode);
            session.Abort(reason);
        }
        return Task.CompletedTask;
    }
}
