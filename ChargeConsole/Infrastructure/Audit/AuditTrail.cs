using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure.Audit;

/// <summary>Writes who did what to what, and how it ended. Dangerous actions always go through here.</summary>
public sealed class AuditTrail(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock)
{
    public async Task WriteAsync(string userName, string action, string target, bool succeeded, string result, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, clock.GetUtcNow().UtcDateTime, userName, action, target, succeeded, result);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the row to <paramref name="db"/>: it commits with whatever else that context saves (money actions).</summary>
    public static void Add(ChargeDbContext db, DateTime at, string userName, string action, string target, bool succeeded, string result) =>
        db.AuditLogs.Add(new AuditLog
        {
            At = at, UserName = userName, Action = action, Target = target, Succeeded = succeeded,
            Result = result.Length > 1000 ? result[..1000] : result,
        });

    public static void Add(ChargeDbContext db, DateTime at, string userName, string action, string target, OperationResult result) =>
        Add(db, at, userName, action, target, result.Succeeded, result.Succeeded ? result.Message ?? "成功" : result.Error!);

    /// <summary>Records the outcome of <paramref name="result"/> (success or the user-facing error).</summary>
    public Task WriteAsync(string userName, string action, string target, OperationResult result, CancellationToken ct = default) =>
        WriteAsync(userName, action, target, result.Succeeded, result.Succeeded ? result.Message ?? "成功" : result.Error!, ct);
}
