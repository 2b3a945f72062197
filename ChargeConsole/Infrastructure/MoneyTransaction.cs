using ChargeConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// Runs a money change in its own context and database transaction, retrying from a fresh read when another
/// writer changed the same wallet or order first (their Version tokens). On SQLite the transaction already
/// serialises writers (BEGIN IMMEDIATE); on SQL Server the tokens catch what read-committed lets through.
/// </summary>
public static class MoneyTransaction
{
    private const int Attempts = 5;

    public static async Task<OperationResult> RunAsync(IDbContextFactory<ChargeDbContext> dbFactory,
        Func<ChargeDbContext, CancellationToken, Task<OperationResult>> change, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await change(db, ct);
                if (!result.Succeeded) return result; // nothing saved: the transaction rolls back on dispose
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed it first: read again and decide again.
            }
        }
    }
}
