using System.Text.Json;
using System.Threading.Channels;
using ChargeConsole.Devices.Cluster;
using Orleans.Concurrency;

namespace ChargeConsole.Infrastructure.Live;

/// <summary>A batch of live events from one node, each as its type's name and its JSON.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveBatch([property: Id(0)] string From, [property: Id(1)] LiveEnvelope[] Events);

[GenerateSerializer, Immutable]
public sealed record LiveEnvelope([property: Id(0)] string Type, [property: Id(1)] string Json);

/// <summary>A node's receiving end for the other nodes' live events.</summary>
public interface ILiveNode : IGrainObserver
{
    [OneWay]
    Task Deliver(LiveBatch batch);
}

/// <summary>Who the nodes are: each node joins every few seconds and learns the others' receivers.</summary>
public interface ILiveHubGrain : IGrainWithIntegerKey
{
    Task<ILiveNode[]> Join(string node, ILiveNode receiver);
}

public sealed class LiveHubGrain(ISiloStatusOracle membership, TimeProvider clock) : Grain, ILiveHubGrain
{
    private readonly Dictionary<string, (ILiveNode Receiver, DateTime Seen)> _nodes = [];

    public Task<ILiveNode[]> Join(string node, ILiveNode receiver)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _nodes[node] = (receiver, now);
        // Bounded by the cluster: a node that left, or stopped joining, is forgotten.
        foreach (var (name, entry) in _nodes.ToList())
            if (now - entry.Seen > TimeSpan.FromSeconds(30) || membership.IsDeadSilo(SiloAddress.FromParsableString(name))) _nodes.Remove(name);
        return Task.FromResult(_nodes.Where(n => n.Key != node).Select(n => n.Value.Receiver).ToArray());
    }
}

/// <summary>
/// Carries every event published on this node to the other nodes (and theirs to this one), so an open page on any
/// node sees a change made on any other within a fraction of a second. Outgoing events wait in a bounded queue
/// (the oldest are dropped when a node cannot keep up: pages reload on the next event anyway) and leave in batches.
/// Only the console's own event types are accepted from the wire.
/// </summary>
public sealed class LiveRelay(IGrainFactory grains, ClusterPileDirectory cluster, LiveEvents live, ILogger<LiveRelay> log) : BackgroundService, ILiveNode
{
    private static readonly Dictionary<string, Type> Known = new[]
    {
        typeof(GunStatusChanged), typeof(PileConnectionChanged), typeof(OrderUpdated), typeof(WalletChanged), typeof(RechargeChanged),
        typeof(CouponClaimsChanged), typeof(WithdrawalChanged), typeof(BillingSyncChanged),
    }.ToDictionary(t => t.Name);

    private const int MaxQueued = 10_000;
    private const int MaxBatch = 500;

    private readonly Channel<LiveEnvelope> _outbox = Channel.CreateBounded<LiveEnvelope>(new BoundedChannelOptions(MaxQueued)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });
    private ILiveNode[] _peers = [];

    /// <summary>Queues an event for the other nodes; a type not on the list stays on this node.</summary>
    public void Send(object change)
    {
        if (!Known.ContainsKey(change.GetType().Name) || Volatile.Read(ref _peers).Length == 0) return;
        _outbox.Writer.TryWrite(new LiveEnvelope(change.GetType().Name, JsonSerializer.Serialize(change, change.GetType())));
    }

    public Task Deliver(LiveBatch batch)
    {
        foreach (var e in batch.Events)
        {
            if (!Known.TryGetValue(e.Type, out var type)) { log.LogWarning("Live event of unknown type {Type} from {Node} ignored", e.Type, batch.From); continue; }
            try
            {
                if (JsonSerializer.Deserialize(e.Json, type) is { } change) live.PublishLocal(type, change);
            }
            catch (JsonException ex) { log.LogWarning("Unreadable {Type} from {Node} ignored: {Error}", e.Type, batch.From, ex.Message); }
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await cluster.Active.WaitAsync(stoppingToken);
        var self = grains.CreateObjectReference<ILiveNode>(this);
        live.Relay = this;
        _ = JoinLoopAsync(self, stoppingToken);
        var batch = new List<LiveEnvelope>(MaxBatch);
        while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
        {
            // A short gather window: a burst of gun changes leaves as one message per node.
            await Task.Delay(50, stoppingToken);
            while (batch.Count < MaxBatch && _outbox.Reader.TryRead(out var e)) batch.Add(e);
            var message = new LiveBatch(cluster.NodeName, batch.ToArray());
            foreach (var peer in Volatile.Read(ref _peers))
            {
                try { await peer.Deliver(message); }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogDebug("A node did not take live events: {Error}", ex.Message); }
            }
            batch.Clear();
        }
    }

    private async Task JoinLoopAsync(ILiveNode self, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try { Volatile.Write(ref _peers, await grains.GetGrain<ILiveHubGrain>(0).Join(cluster.NodeName, self)); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning("Joining the live-event hub failed: {Error}", e.Message); }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
