namespace ChargeConsole.Infrastructure;

/// <summary>
/// How long a writer that lost an optimistic race waits before it reads again: random, and doubling with each loss up
/// to half a second, so a burst of writers on one wallet spreads out instead of colliding again in step.
/// </summary>
public static class ConflictPause
{
    /// <summary>
    /// How many times a writer tries in all. PostgreSQL and SQL Server let writers of one wallet really race (SQLite
    /// queues them): a burst of them needs more than a few tries.
    /// </summary>
    public const int Attempts = 12;

    public static Task WaitAsync(int attempt, CancellationToken ct) =>
        Task.Delay(Random.Shared.Next(1, Math.Min(500, 5 << Math.Min(attempt, 10))), ct);
}
