using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Features.Wallets;

/// <summary>
/// The only way a wallet changes: each posting moves one account of a tracked wallet and adds its ledger entry
/// to the same context, so both are saved in the caller's transaction (SPEC "Wallet": balance == Σ ledger).
/// </summary>
public static class WalletBook
{
    public static WalletBalance Balance(this Wallet w) => new(w.Principal, w.Bonus, w.Points, w.Frozen);

    public static void Post(ChargeDbContext db, Wallet wallet, LedgerAccount account, long amount, LedgerSource source, string sourceNo, DateTime now, string? remark = null)
    {
        if (amount == 0) return;
        long after = account switch
        {
            LedgerAccount.Principal => (wallet.Principal += Money.FromFen(amount)).Fen,
            LedgerAccount.Bonus => (wallet.Bonus += Money.FromFen(amount)).Fen,
            LedgerAccount.Points => wallet.Points += amount,
            LedgerAccount.Frozen => (wallet.Frozen += Money.FromFen(amount)).Fen,
            _ => throw new ArgumentOutOfRangeException(nameof(account)),
        };
        if (after < 0) throw new InvalidOperationException($"Wallet {wallet.Id} {account} would go negative ({after})");
        wallet.Version++;
        db.LedgerEntries.Add(new LedgerEntry
        {
            WalletId = wallet.Id, AppUserId = wallet.AppUserId, Account = account, Amount = amount, BalanceAfter = after,
            Source = source, SourceNo = sourceNo, Remark = remark, CreatedAt = now,
        });
    }

    public static void PostPayment(ChargeDbContext db, Wallet wallet, Payment payment, LedgerSource source, string sourceNo, DateTime now, string? remark = null)
    {
        Post(db, wallet, LedgerAccount.Principal, -payment.FromPrincipal.Fen, source, sourceNo, now, remark);
        Post(db, wallet, LedgerAccount.Bonus, -payment.FromBonus.Fen, source, sourceNo, now, remark);
    }
}
