using System.Security.Cryptography;
using System.Text;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// The OCPP local authorisation list: the charging cards of enabled users, so a pile can start a card charge while
/// the console is out of reach. Each online OCPP pile whose list differs from the cards now (by hash) is sent the
/// whole list as the next version; the version and hash it accepted are kept on the pile, so any node can run this
/// and a pile that missed a change gets it when it is next online.
/// </summary>
public sealed class OcppLocalList(IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, PileStateWriter writer, IConfiguration config, ILogger<OcppLocalList> log)
{
    /// <summary>OCPP's idTag is CiString20; the list is cut at the configured length (piles hold a few thousand at most).</summary>
    private int MaxCards => Math.Clamp(config.GetValue("Ocpp:LocalListMaxCards", 1000), 1, 1000);
    private const int PilesPerRun = 500, Parallel = 4;

    public async Task<int> PushAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = await db.AppUsers.AsNoTracking().Where(u => u.CardNumber != null && !u.Disabled && u.CardNumber.Length <= 20)
            .OrderBy(u => u.CardNumber).Select(u => u.CardNumber!).Take(MaxCards + 1).ToArrayAsync(ct);
        if (cards.Length > MaxCards)
        {
            log.LogWarning("More than {Max} charging cards: the OCPP local list holds the first {Max}", MaxCards, MaxCards);
            cards = cards[..MaxCards];
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', cards))));
        var stale = await db.Piles.AsNoTracking()
            .Where(p => p.Protocol == PileProtocol.Ocpp16J && p.Online && (p.OcppLocalListHash == null || p.OcppLocalListHash != hash))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Code, p.OcppLocalListVersion }).Take(PilesPerRun).ToListAsync(ct);
        var sent = 0;
        await System.Threading.Tasks.Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (pile, token) =>
        {
            var version = pile.OcppLocalListVersion + 1;
            var result = await piles.SendAsync(pile.Code, new SendAuthList(version, cards), token);
            if (!result.Succeeded)
            {
                log.LogInformation("OCPP local list v{Version} for {Pile} not taken: {Why}", version, pile.Code, result.Message);
                return;
            }
            // Conditional: a run on another node that got there first keeps its (same) version. Batched with the
            // piles' other state writes, not a write lock of its own per pile.
            var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            writer.Enqueue($"local-list:{pile.Id}", new PileStateWriter.Change((w, t) =>
                w.Piles.Where(p => p.Id == pile.Id && p.OcppLocalListVersion == pile.OcppLocalListVersion)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.OcppLocalListVersion, version).SetProperty(p => p.OcppLocalListHash, hash), t),
                AfterCommit: () => recorded.TrySetResult()));
            // Counted once on record, so the next run sees the pile up to date (not recorded in time: it is sent again, harmless).
            try { await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30), token); Interlocked.Increment(ref sent); }
            catch (TimeoutException) { log.LogWarning("OCPP local list v{Version} for {Pile} accepted but not yet recorded", version, pile.Code); }
        });
        return sent;
    }
}

/// <summary>Every <c>Ocpp:LocalListSeconds</c>: sends changed card lists to the online OCPP piles.</summary>
[DisallowConcurrentExecution]
public sealed class OcppLocalListJob(OcppLocalList list, ILogger<OcppLocalListJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = await list.PushAsync(cancellationToken);
        if (sent > 0) log.LogInformation("OCPP local list sent to {Count} piles", sent);
    }
}
