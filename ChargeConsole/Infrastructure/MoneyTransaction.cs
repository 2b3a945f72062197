using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure;

/// <summary>What a money action is, for its audit row and its idempotency record.</summary>
/// <param name="UserName">who acts (the audit row's user)</param>
/// <param name="Action">the audit row's action, e.g. 资产调整</param>
/// <param name="RequestId">the request id the dialog or client sent; a repeat of a succeeded one acts no more</param>
public sealed record MoneyAction(string UserName, string Action, string? RequestId);

/// <summary>
/// Runs a money change in its own context and database transaction, retrying from a fresh read when another
/// writer changed the same wallet or order first (their Version tokens). On SQLite the transaction already
/// serialises writers (BEGIN IMMEDIATE); on SQL Server the tokens catch what read-committed lets through.
/// <para>
/// The audit row commits in the same transaction as the money it describes (a refusal is audited with the money
/// untouched), and a request id that already succeeded returns its first outcome without acting again: the
/// request id is unique in the database, so two nodes racing on one retry cannot both act.
/// </para>
/// </summary>
public static class MoneyTransaction
{
    /// <param name="target">the audit row's target, known once the change has read it (e.g. the user's phone)</param>
    public static async Task<OperationResult> RunAsync(IDbContextFactory<ChargeDbContext> dbFactory, MoneyAction action,
        Func<ChargeDbContext, CancellationToken, Task<OperationResult>> change, Func<string> target, TimeProvider clock, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (action.RequestId is { } id && await db.OperationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == id, ct) is { } done)
                    return done.Succeeded ? OperationResult.Ok(done.Result) : OperationResult.Fail(done.Result);
                var result = await change(db, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                if (!result.Succeeded) db.ChangeTracker.Clear(); // nothing but the audit row is kept
                AuditTrail.Add(db, now, action.UserName, action.Action, target(), result);
                if (result.Succeeded && action.RequestId is { } requestId)
                    db.OperationRequests.Add(new OperationRequest
                    {
                        RequestId = requestId, Action = action.Action, Succeeded = true, Result = Trim(result.Message ?? "成功"), CreatedAt = now,
                    });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictPause.Attempts)
            {
                // Someone else changed it first: read again and decide again, after a short random pause.
                await ConflictPause.WaitAsync(attempt, ct);
            }
            catch (DbUpdateException e) when (attempt < ConflictPause.Attempts && action.RequestId is not null && e.IsUniqueViolation())
            {
                // The same request committed first on another connection: the next attempt returns its outcome.
            }
        }
    }

    private static string Trim(string s) => s.Length > 1000 ? s[..1000] : s;
}
