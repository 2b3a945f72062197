using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>Adds to a gun's fault count for a day, in the pile writer's transaction.</summary>
public static class GunFaultDays
{
    public static async Task AddAsync(ChargeDbContext db, DateOnly day, int gunId, int stationId, int faults, CancellationToken ct)
    {
        if (faults <= 0) return;
        var updated = await db.DailyGunFaults.Where(d => d.Day == day && d.GunId == gunId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Faults, d => d.Faults + faults), ct);
        if (updated == 0) db.DailyGunFaults.Add(new DailyGunFault { Day = day, GunId = gunId, StationId = stationId, Faults = faults });
    }
}
