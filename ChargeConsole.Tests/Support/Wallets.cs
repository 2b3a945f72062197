using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Support;

/// <summary>Test users with known balances, made through the production wallet book so their ledgers are right.</summary>
public static class Wallets
{
    public static async Task<int> NewUserAsync(IDbContextFactory<ChargeDbContext> factory, long principalFen, long bonusFen = 0, string? phone = null, string? card = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var user = new AppUser
        {
            Phone = phone ?? "137" + Random.Shared.Next(10_000_000, 99_999_999), Nickname = "测试用户", RegisteredAt = DateTime.UtcNow, CardNumber = card,
            Wallet = new Wallet(),
        };
        db.AppUsers.Add(user);
        await db.SaveChangesAsync();
        WalletBook.Post(db, user.Wallet, LedgerAccount.Principal, principalFen, LedgerSource.Adjustment, "TEST-OPEN", DateTime.UtcNow);
        WalletBook.Post(db, user.Wallet, LedgerAccount.Bonus, bonusFen, LedgerSource.Recharge, "TEST-OPEN", DateTime.UtcNow);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static async Task<Wallet> WalletAsync(IDbContextFactory<ChargeDbContext> factory, int userId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Wallets.AsNoTracking().SingleAsync(w => w.AppUserId == userId);
    }

    /// <summary>SPEC: for each wallet and account, balance == Σ its ledger entries.</summary>
    public static async Task AssertBalancesEqualLedgerAsync(IDbContextFactory<ChargeDbContext> factory, int userId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var w = await db.Wallets.AsNoTracking().SingleAsync(x => x.AppUserId == userId);
        var sums = await db.LedgerEntries.Where(l => l.WalletId == w.Id).GroupBy(l => l.Account)
            .Select(g => new { g.Key, Sum = g.Sum(l => l.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
        Assert.Equal(w.Principal.Fen, sums.GetValueOrDefault(LedgerAccount.Principal));
        Assert.Equal(w.Bonus.Fen, sums.GetValueOrDefault(LedgerAccount.Bonus));
        Assert.Equal(w.Points, sums.GetValueOrDefault(LedgerAccount.Points));
        Assert.Equal(w.Frozen.Fen, sums.GetValueOrDefault(LedgerAccount.Frozen));
    }
}
