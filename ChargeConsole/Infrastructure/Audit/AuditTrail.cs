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
        db.AuditLogs.Add(new AuditLog
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = userName,
            Action = action,
            Target = target,
            Succeeded = succeeded,
            Result = result.Length > 1000 ? result[..1000] : result,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the outcome of <paramref name="result"/> (success or the user-facing error).</summary>
    public Task WriteAsync(string userName, string action, string target, OperationResult result, CancellationToken ct = default) =>
        WriteAsync(userName, action, target, result.Succeeded, result.Succeeded ? result.Message ?? "成功" : result.Error!, ct);
}
