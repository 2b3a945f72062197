using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.StoredValue;

/// <summary>资产管理: every user's balances, and the operator's top-ups and deductions of money or points.</summary>
public sealed class WalletService(
    IDbContextFactory<ChargeDbContext> dbFactory, IValidator<AdjustmentForm> validator, LiveEvents live, TimeProvider clock)
{
    public static readonly RowList<WalletFilter, WalletRow> List = new(Query, x => x.AppUserId);

    public static IQueryable<WalletRow> Query(ChargeDbContext db, AccessScope scope, WalletFilter f)
    {
        var q = db.Wallets.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Keyword))
        {
            var k = f.Keyword.Trim();
            q = q.Where(w => w.AppUser.Phone.Contains(k) || w.AppUser.Nickname.Contains(k));
        }
        if (f.WithBalance == true) q = q.Where(w => w.Principal > Money.Zero || w.Bonus > Money.Zero);
        return q.Select(w => new WalletRow
        {
            AppUserId = w.AppUserId, Phone = w.AppUser.Phone, Nickname = w.AppUser.Nickname,
            Principal = w.Principal, Bonus = w.Bonus, Points = w.Points, Frozen = w.Frozen,
        });
    }

    public static IEnumerable<WalletExportRow> Export(ChargeDbContext db, AccessScope scope, WalletFilter f) =>
        Query(db, scope, f).OrderBy(w => w.AppUserId).AsEnumerable().Select(w => new WalletExportRow
        {
            Phone = w.Phone, Nickname = w.Nickname, Principal = w.Principal.Yuan, Bonus = w.Bonus.Yuan, Frozen = w.Frozen.Yuan, Points = w.Points,
        });

    /// <summary>Platform totals for the overview cards.</summary>
    public async Task<(Money Principal, Money Bonus, long Points, Money Frozen, int Users)> TotalsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Summed in the database; the value-converted Money columns are plain integers there. Quoted names and explicit
        // casts read the same on SQLite, SQL Server and PostgreSQL.
        var t = await db.Database.SqlQuery<WalletTotals>($"""
            SELECT CAST(COALESCE(SUM("Principal"), 0) AS BIGINT) AS "Principal", CAST(COALESCE(SUM("Bonus"), 0) AS BIGINT) AS "Bonus",
                   CAST(COALESCE(SUM("Points"), 0) AS BIGINT) AS "Points", CAST(COALESCE(SUM("Frozen"), 0) AS BIGINT) AS "Frozen",
                   CAST(COUNT(*) AS INTEGER) AS "Users" FROM "Wallets"
            """).SingleAsync(ct);
        return (Money.FromFen(t.Principal), Money.FromFen(t.Bonus), t.Points, Money.FromFen(t.Frozen), t.Users);
    }

    private sealed record WalletTotals(long Principal, long Bonus, long Points, long Frozen, int Users);

    /// <summary>What a money deduction may take from the user now, and the open charging orders that hold back the rest.</summary>
    public async Task<(Money FreePrincipal, Commitments Open)> DeductibleAsync(int appUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wallet = await db.Wallets.AsNoTracking().FirstOrDefaultAsync(w => w.AppUserId == appUserId, ct);
        var open = await OpenCharges.OfAsync(db, appUserId, ct);
        return (wallet is null ? Money.Zero : open.FreePrincipal(wallet.Balance()), open);
    }

    public async Task<OperationResult> AdjustAsync(AccessScope scope, AdjustmentForm form, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能调整用户资产");
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        var money = form.Asset == AdjustmentAsset.Money;
        var amount = money ? Money.FromYuan(form.Amount!.Value).Fen : (long)form.Amount!.Value;
        var what = $"{WalletText.Kind(form.Kind)}{(money ? $" {Money.FromFen(amount)} 元" : $" {amount} 积分")}（{form.Reason.Trim()}）";
        string phone = "";

        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, "资产调整", form.RequestId), async (db, token) =>
        {
            var wallet = await db.Wallets.Include(w => w.AppUser).FirstOrDefaultAsync(w => w.AppUserId == form.AppUserId, token);
            if (wallet is null) return OperationResult.Fail("用户不存在");
            phone = wallet.AppUser.Phone;
            if (form.Kind == AdjustmentKind.Deduct)
            {
                // Read in this transaction: a start racing the deduction changes the same wallet row, so one of them reads again.
                var open = await OpenCharges.OfAsync(db, wallet.AppUserId, token);
                if (WalletRules.CheckDeduction(wallet.Balance(), money, amount, open.Total) is { } refusal)
                    return OperationResult.Fail(money && open.Orders.Count > 0 ? $"{WalletText.Refusal(refusal)}（订单 {open.Names}）" : WalletText.Refusal(refusal));
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var adjustment = new WalletAdjustment
            {
                No = OrderNumbers.Next("TZ", now), AppUserId = wallet.AppUserId, Kind = form.Kind, Asset = form.Asset, Amount = amount,
                Reason = form.Reason.Trim(), OperatorName = scope.UserName, CreatedAt = now,
            };
            db.WalletAdjustments.Add(adjustment);
            var signed = form.Kind == AdjustmentKind.TopUp ? amount : -amount;
            WalletBook.Post(db, wallet, money ? LedgerAccount.Principal : LedgerAccount.Points, signed, LedgerSource.Adjustment, adjustment.No, now,
                $"后台{WalletText.Kind(form.Kind)}：{adjustment.Reason}");
            return OperationResult.Ok($"已{what}");
        }, () => phone.Length > 0 ? $"{phone} {what}" : $"用户 {form.AppUserId}", clock, ct);
        if (result.Succeeded) live.Publish(new WalletChanged(form.AppUserId));
        return result;
    }
}
