using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace ChargeConsole.Devices.Cluster;

/// <summary>
/// A pile's place in the cluster: its live link, and the way commands reach it. Placed where it is first called,
/// which is normally the node the pile logged in on, and kept while the process lives (one small object per pile).
/// </summary>
[PreferLocalPlacement, Reentrant, KeepAlive]
public sealed class PileGrain(ISiloStatusOracle membership, ILogger<PileGrain> log) : Grain, IPileGrain
{
    private PileLink? _link;

    private string PileCode => this.GetPrimaryKeyString();

    public Task<PileLink?> Connect(PileLink link)
    {
        var previous = Live();
        _link = link;
        if (previous is null || Same(previous, link)) return Task.FromResult<PileLink?>(null);
        if (previous.Node != link.Node)
        {
            log.LogWarning("Pile {Pile} logged in on {Node} from {Remote}; its connection on {Previous} from {PreviousRemote} is closed",
                PileCode, link.NodeName, link.RemoteAddress, previous.NodeName, previous.RemoteAddress);
            // One way: a node that is gone must not hold up the new login.
            previous.Carrier.Close(PileCode, previous.ConnectionId, "replaced by a login on another node").Ignore();
        }
        return Task.FromResult<PileLink?>(previous);
    }

    public Task Restore(PileLink link)
    {
        if (Live() is null) _link = link;
        return Task.CompletedTask;
    }

    public Task<bool> Disconnect(string connectionId)
    {
        if (_link is null || _link.ConnectionId != connectionId) return Task.FromResult(false);
        _link = null;
        return Task.FromResult(true);
    }

    public Task<bool> IsOnline() => Task.FromResult(Live() is not null);

    public async Task<CommandResult> Send(PileCommand command)
    {
        if (Live() is not { } link) return new CommandResult(CommandStatus.Offline, "电桩离线，指令未发送");
        try
        {
            return await link.Carrier.Execute(PileCode, link.ConnectionId, command);
        }
        catch (TimeoutException)
        {
            return new CommandResult(CommandStatus.TimedOut, "指令已发往电桩所在节点，未在规定时间内得到应答");
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException)
        {
            log.LogWarning("Pile {Pile}: its node {Node} did not take the command: {Error}", PileCode, link.NodeName, e.Message);
            return new CommandResult(CommandStatus.Offline, "电桩所在节点不可用，指令未送达");
        }
    }

    /// <summary>The link, unless its node has left the cluster (then the pile is offline until it connects again).</summary>
    private PileLink? Live()
    {
        if (_link is not null && membership.IsDeadSilo(_link.Node)) _link = null;
        return _link;
    }

    private static bool Same(PileLink a, PileLink b) => a.ConnectionId == b.ConnectionId;
}
