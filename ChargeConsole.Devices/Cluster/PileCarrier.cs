using ChargeConsole.Devices.Ocpp;
using ChargeConsole.Devices.Piles;
using Microsoft.Extensions.Logging;

namespace ChargeConsole.Devices.Cluster;

/// <summary>This node's end of the pile grains: runs their commands on the sockets this node holds.</summary>
public sealed class PileCarrier(
    PileSessionRegistry registry, PileCommandService commands, OcppSessionRegistry ocpp, OcppCommandService ocppCommands,
    IPileEventSink sink, ILogger<PileCarrier> log) : IPileNode
{
    public Task<CommandResult> Execute(string pileCode, string connectionId, PileCommand command)
    {
        if (registry.Find(pileCode) is { } session && session.LinkId == connectionId) return commands.ExecuteAsync(pileCode, command);
        if (ocpp.Find(pileCode) is { } chargePoint && chargePoint.LinkId == connectionId) return ocppCommands.ExecuteAsync(pileCode, command);
        return Task.FromResult(new CommandResult(CommandStatus.Offline, "电桩已断开，指令未发送"));
    }

    public Task Close(string pileCode, string connectionId, string reason)
    {
        if (ocpp.Find(pileCode) is { } chargePoint && chargePoint.LinkId == connectionId && ocpp.Release(chargePoint))
        {
            log.LogWarning("OCPP charge point {Pile}: connection from {Remote} closed, {Reason}", pileCode, chargePoint.RemoteAddress, reason);
            sink.OnMovedAway(pileCode);
            chargePoint.Abort();
            return Task.CompletedTask;
        }
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
