using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Home;

/// <summary>Gun counters as the home page shows them: total / online / idle / fault / in use.</summary>
public sealed record GunCounters(int Total, int Online, int Idle, int Fault, int InUse);

public sealed class DashboardService(IDbContextFactory<ChargeDbContext> dbFactory)
{
    public async Task<GunCounters> GunCountersAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Guns.AsNoTracking().VisibleTo(scope).GroupBy(g => g.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params GunStatus[] statuses) => byStatus.Where(s => statuses.Contains(s.Status)).Sum(s => s.Count);
        return new GunCounters(
            Total: byStatus.Sum(s => s.Count),
            Online: byStatus.Where(s => s.Status != GunStatus.Offline).Sum(s => s.Count),
            Idle: Count(GunStatus.Idle),
            Fault: Count(GunStatus.Fault),
            InUse: Count(GunStatus.Charging, GunStatus.Occupied, GunStatus.Reserved));
    }
}
