using ChargeConsole.Devices.Cluster;
using ChargeConsole.Features.Piles;

namespace ChargeConsole.Infrastructure.Cluster;

/// <summary>
/// Keeps the database's idea of which piles are online true to the cluster: at start, and whenever a node is lost,
/// the piles recorded on a node that is no longer a member go offline (only those: the other nodes' piles stay
/// online). After every membership change this node's live connections are registered again with their grains.
/// </summary>
public sealed class ClusterWatch(ClusterPileDirectory piles, IClusterMembershipService membership, PileEventSink sink, ILogger<ClusterWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await piles.Active.WaitAsync(stoppingToken);
        await SweepAsync(membership.CurrentSnapshot, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
                {
                    await piles.RestoreLinksAsync(stoppingToken);
                    await SweepAsync(snapshot, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Watching the cluster's membership failed; watching again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task SweepAsync(ClusterMembershipSnapshot snapshot, CancellationToken ct)
    {
        // This node is live whatever the snapshot says yet (at start it may not list this node as a member so far).
        var members = snapshot.Members.Where(m => m.Value.Status != SiloStatus.Dead).Select(m => m.Key.ToParsableString())
            .Append(piles.NodeName).Distinct().ToList();
        var count = await sink.MarkOrphansOfflineAsync(members, ct);
        if (count > 0) log.LogWarning("{Count} piles were on nodes no longer in the cluster; marked offline", count);
    }
}
