using System.Data;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ChargeConsole.Infrastructure.Cluster;

/// <summary>
/// Orleans' membership table in the console's own database, through its EF model: the same migrations on PostgreSQL
/// and SQL Server, no separate scripts to run. Every change advances the cluster's version row in the same
/// transaction, and a member row is written only by whoever holds its current tag, as the protocol requires.
/// </summary>
public sealed class EfMembershipTable(IDbContextFactory<ChargeDbContext> dbFactory, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private string ClusterId => cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (!tryInitTableVersion) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.ClusterMembershipVersions.AnyAsync(v => v.ClusterId == ClusterId)) return;
        db.ClusterMembershipVersions.Add(new ClusterMembershipVersion { ClusterId = ClusterId, Version = 0 });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { } // another node created it first
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.ClusterMemberships.Where(m => m.ClusterId == clusterId).ExecuteDeleteAsync();
        await db.ClusterMembershipVersions.Where(v => v.ClusterId == clusterId).ExecuteDeleteAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var before = beforeDate.UtcDateTime;
        await db.ClusterMemberships.Where(m => m.ClusterId == ClusterId && m.Status == (int)SiloStatus.Dead && m.IAmAliveTime < before).ExecuteDeleteAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key.ToParsableString());

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    private async Task<MembershipTableData> ReadAsync(string? silo)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // One snapshot: the version and the rows agree.
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var version = await db.ClusterMembershipVersions.AsNoTracking().Where(v => v.ClusterId == ClusterId).Select(v => (int?)v.Version).FirstOrDefaultAsync() ?? 0;
        var rows = await db.ClusterMemberships.AsNoTracking().Where(m => m.ClusterId == ClusterId && (silo == null || m.Silo == silo)).ToListAsync();
        await tx.CommitAsync();
        return new MembershipTableData(rows.Select(r => Tuple.Create(ToEntry(r), r.ETag.ToString())).ToList(),
            new TableVersion(version, version.ToString()));
    }

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (!await AdvanceAsync(db, tableVersion)) return false;
        var row = new ClusterMembership { ClusterId = ClusterId, Silo = entry.SiloAddress.ToParsableString() };
        Fill(row, entry);
        db.ClusterMemberships.Add(row);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return false; } // the silo's row exists already
        await tx.CommitAsync();
        return true;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        if (!int.TryParse(etag, out var tag)) return false;
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (!await AdvanceAsync(db, tableVersion)) return false;
        var key = entry.SiloAddress.ToParsableString();
        var row = new ClusterMembership();
        Fill(row, entry);
        var written = await db.ClusterMemberships.Where(m => m.ClusterId == ClusterId && m.Silo == key && m.ETag == tag).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, row.Status).SetProperty(m => m.SuspectTimes, row.SuspectTimes).SetProperty(m => m.IAmAliveTime, row.IAmAliveTime)
            .SetProperty(m => m.ProxyPort, row.ProxyPort).SetProperty(m => m.HostName, row.HostName).SetProperty(m => m.SiloName, row.SiloName)
            .SetProperty(m => m.StartTime, row.StartTime).SetProperty(m => m.ETag, tag + 1));
        if (written != 1) return false;
        await tx.CommitAsync();
        return true;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var key = entry.SiloAddress.ToParsableString();
        var alive = entry.IAmAliveTime.ToUniversalTime();
        await db.ClusterMemberships.Where(m => m.ClusterId == ClusterId && m.Silo == key).ExecuteUpdateAsync(u => u.SetProperty(m => m.IAmAliveTime, alive));
    }

    /// <summary>Moves the cluster's version to the one the caller read plus one; false when someone moved it first.</summary>
    private async Task<bool> AdvanceAsync(ChargeDbContext db, TableVersion next) =>
        await db.ClusterMembershipVersions.Where(v => v.ClusterId == ClusterId && v.Version == next.Version - 1)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Version, next.Version)) == 1;

    private static void Fill(ClusterMembership row, MembershipEntry e)
    {
        row.SiloName = e.SiloName ?? "";
        row.HostName = e.HostName ?? "";
        row.Status = (int)e.Status;
        row.ProxyPort = e.ProxyPort;
        row.SuspectTimes = e.SuspectTimes is { Count: > 0 } s ? string.Join('|', s.Select(t => $"{t.Item1.ToParsableString()},{t.Item2.ToUniversalTime().Ticks}")) : null;
        row.StartTime = e.StartTime.ToUniversalTime();
        row.IAmAliveTime = e.IAmAliveTime.ToUniversalTime();
    }

    private static MembershipEntry ToEntry(ClusterMembership r) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(r.Silo),
        SiloName = r.SiloName,
        HostName = r.HostName,
        Status = (SiloStatus)r.Status,
        ProxyPort = r.ProxyPort,
        StartTime = DateTime.SpecifyKind(r.StartTime, DateTimeKind.Utc),
        IAmAliveTime = DateTime.SpecifyKind(r.IAmAliveTime, DateTimeKind.Utc),
        SuspectTimes = r.SuspectTimes is null ? [] : r.SuspectTimes.Split('|').Select(p => p.Split(','))
            .Select(p => Tuple.Create(SiloAddress.FromParsableString(p[0]), new DateTime(long.Parse(p[1]), DateTimeKind.Utc))).ToList(),
    };
}
