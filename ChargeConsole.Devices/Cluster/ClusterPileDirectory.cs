using ChargeConsole.Devices.Piles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargeConsole.Devices.Cluster;

/// <summary>
/// The piles as the cluster knows them: each pile's grain holds its live link, so a node asks the grain and the
/// grain's command reaches the node holding the socket. Logins wait until this node's silo is active.
/// </summary>
public sealed class ClusterPileDirectory(
    IGrainFactory grains, ILocalSiloDetails silo, PileSessionRegistry registry, Ocpp.OcppSessionRegistry ocpp, IServiceProvider services,
    ILogger<ClusterPileDirectory> log)
    : IPileDirectory, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPileNode? _carrierRef;

    public string NodeName => silo.SiloAddress.ToParsableString();

    /// <summary>Completes when this node's silo has joined the cluster.</summary>
    public Task Active => _active.Task;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterPileDirectory), ServiceLifecycleStage.Active, _ =>
        {
            // Observers are held weakly by Orleans: the carrier itself is a singleton. Resolved here, not injected: the
            // carrier needs the application's event sink, which asks this directory whether piles are online.
            _carrierRef = grains.CreateObjectReference<IPileNode>(services.GetRequiredService<PileCarrier>());
            _active.TrySetResult();
            return Task.CompletedTask;
        }, _ => Task.CompletedTask);

    private IPileGrain Grain(string pileCode) => grains.GetGrain<IPileGrain>(pileCode);

    public async Task<bool> IsOnlineAsync(string pileCode)
    {
        await Active;
        return await Grain(pileCode).IsOnline();
    }

    public async Task<CommandResult> SendAsync(string pileCode, PileCommand command, CancellationToken ct = default)
    {
        await Active.WaitAsync(ct);
        try
        {
            return await Grain(pileCode).Send(command).WaitAsync(ct);
        }
        catch (TimeoutException)
        {
            return new CommandResult(CommandStatus.TimedOut, "集群未在规定时间内转达指令，请稍后查看电桩状态");
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException)
        {
            log.LogWarning("Pile {Pile}: its grain could not be reached: {Error}", pileCode, e.Message);
            return new CommandResult(CommandStatus.Offline, "电桩所在节点正在切换，指令未送达，请稍后重试");
        }
    }

    public async Task<PileTakeover?> ConnectedAsync(IPileConnection session, IPileConnection? replacedHere, CancellationToken ct)
    {
        await Active.WaitAsync(ct);
        session.LinkId = $"{NodeName}/{session.ConnectionId}";
        var previous = await Grain(session.PileCode!).Connect(Link(session)).WaitAsync(ct);
        if (previous is not null) return new PileTakeover(previous.NodeName, previous.RemoteAddress);
        return replacedHere is null ? null : new PileTakeover(NodeName, replacedHere.RemoteAddress);
    }

    public async Task<bool> DisconnectedAsync(IPileConnection session)
    {
        if (session.LinkId is null) return true; // it never got as far as the grain
        try
        {
            return await Grain(session.PileCode!).Disconnect(session.LinkId);
        }
        catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            // The grain's node is gone; the grain comes back empty, so the pile is offline there anyway.
            log.LogWarning("Pile {Pile}: its grain could not be told of the disconnect: {Error}", session.PileCode, e.Message);
            return true;
        }
    }

    /// <summary>
    /// Tells every pile grain of this node's live connections again. After a node is lost, the grains it hosted come
    /// back empty on first call; a pile whose socket is here must not look offline because its grain was there.
    /// </summary>
    public async Task RestoreLinksAsync(CancellationToken ct)
    {
        await Active.WaitAsync(ct);
        var restored = 0;
        foreach (var session in registry.Connections.Cast<IPileConnection>().Concat(ocpp.Sessions))
        {
            if (session.PileCode is not { } code || session.LinkId is null) continue;
            try
            {
                await Grain(code).Restore(Link(session)).WaitAsync(ct);
                restored++;
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                log.LogWarning("Pile {Pile}: link not restored: {Error}", code, e.Message);
            }
        }
        if (restored > 0) log.LogInformation("Restored {Count} pile links after a membership change", restored);
    }

    private PileLink Link(IPileConnection session) => new(session.LinkId!, silo.SiloAddress, session.RemoteAddress, _carrierRef!);
}
