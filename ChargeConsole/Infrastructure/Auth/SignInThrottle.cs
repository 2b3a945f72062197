using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Infrastructure.Auth;

/// <summary>
/// Limits password tries without letting a stranger lock the operators out (issue 20, item 16): an account may be
/// tried <see cref="PerAccountAndAddress"/> times from one client address in <see cref="Window"/>, and one address may
/// make <see cref="PerAddress"/> tries in all. The operator at their own desk is never locked by someone guessing from
/// elsewhere. Each try is reserved in the database before the password is checked (a conditional UPDATE), so tries
/// racing on several nodes can never pass the limit; a successful sign-in gives its try back.
/// </summary>
public sealed class SignInThrottle(IDbContextFactory<ChargeDbContext> dbFactory, TimeProvider clock)
{
    public const int PerAccountAndAddress = 5;
    public const int PerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static string AddressKey(string address) => "a:" + Trim(address);
    private static string AccountKey(string user, string address) => $"u:{Trim(user.ToUpperInvariant())}|{Trim(address)}";
    private static string Trim(string s) => s.Length > 90 ? s[..90] : s;

    /// <summary>Takes one try for <paramref name="user"/> from <paramref name="address"/>; false when either limit is spent.</summary>
    public async Task<bool> TryReserveAsync(string user, string address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SignInAttempts.Where(a => a.WindowStart < now - Window).ExecuteDeleteAsync(ct);
        return await ReserveAsync(db, AddressKey(address), PerAddress, now, ct)
               && await ReserveAsync(db, AccountKey(user, address), PerAccountAndAddress, now, ct);
    }

    /// <summary>The password was right: this try does not count, and the account's tries from this address start over.</summary>
    public async Task SucceededAsync(string user, string address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = AccountKey(user, address);
        await db.SignInAttempts.Where(a => a.Key == account).ExecuteDeleteAsync(ct);
        var key = AddressKey(address);
        await db.SignInAttempts.Where(a => a.Key == key && a.Tries > 0).ExecuteUpdateAsync(u => u.SetProperty(a => a.Tries, a => a.Tries - 1), ct);
    }

    private static async Task<bool> ReserveAsync(ChargeDbContext db, string key, int limit, DateTime now, CancellationToken ct)
    {
        if (await db.SignInAttempts.Where(a => a.Key == key && a.Tries < limit).ExecuteUpdateAsync(u => u.SetProperty(a => a.Tries, a => a.Tries + 1), ct) == 1)
            return true;
        if (await db.SignInAttempts.AnyAsync(a => a.Key == key, ct)) return false; // the window's tries are spent
        db.SignInAttempts.Add(new SignInAttempt { Key = key, Tries = 1, WindowStart = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another node's first try made the row: count against it instead.
            db.ChangeTracker.Clear();
            return await db.SignInAttempts.Where(a => a.Key == key && a.Tries < limit).ExecuteUpdateAsync(u => u.SetProperty(a => a.Tries, a => a.Tries + 1), ct) == 1;
        }
    }
}
