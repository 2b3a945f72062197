using System.Globalization;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.StoredValue;

/// <summary>Whether users may withdraw, and the fee (percent of the amount) the platform keeps. Off by default.</summary>
public sealed record WithdrawalSettings(bool Enabled, decimal FeePercent)
{
    public const string EnabledKey = "Withdrawal.Enabled", FeeKey = "Withdrawal.FeePercent";
}

public sealed class WithdrawalFilter
{
    public string? No { get; set; }
    public string? Phone { get; set; }
    public WithdrawalStatus? Status { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed record WithdrawalRow
{
    public int Id { get; init; }
    public string No { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public Money Amount { get; init; }
    public Money Fee { get; init; }
    public Money PaidOut { get; init; }
    public WithdrawalStatus Status { get; init; }
    public string? Remark { get; init; }
    public string? ProcessedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ProcessedAt { get; init; }
}

public sealed class WithdrawalExportRow
{
    [ExcelColumnName("提现单号")] public string No { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("提现金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("手续费(元)")] public decimal Fee { get; set; }
    [ExcelColumnName("已打款(元)")] public decimal PaidOut { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("备注")] public string Remark { get; set; } = "";
    [ExcelColumnName("处理人")] public string ProcessedBy { get; set; } = "";
    [ExcelColumnName("申请时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("处理时间")] public string ProcessedAt { get; set; } = "";
}

/// <summary>
/// 提现管理 (SPEC "Withdrawal"): a user's request freezes the amount; an operator approves it — the fee is kept, the
/// rest is refunded through WeChat Pay from the user's recharge orders, newest first — or rejects it, releasing it.
/// </summary>
public sealed class WithdrawalService(IDbContextFactory<ChargeDbContext> dbFactory, RefundService refunds, LiveEvents live, TimeProvider clock)
{
    public async Task<WithdrawalSettings> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var values = await db.SystemSettings.AsNoTracking().Where(s => s.Key == WithdrawalSettings.EnabledKey || s.Key == WithdrawalSettings.FeeKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new WithdrawalSettings(values.GetValueOrDefault(WithdrawalSettings.EnabledKey) == "true",
            decimal.TryParse(values.GetValueOrDefault(WithdrawalSettings.FeeKey), CultureInfo.InvariantCulture, out var fee) ? fee : 0m);
    }

    public async Task<OperationResult> SaveSettingsAsync(AccessScope scope, WithdrawalSettings settings)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改提现设置");
        if (settings.FeePercent is < 0 or > 100 || decimal.Round(settings.FeePercent, 2) != settings.FeePercent)
            return OperationResult.Fail("手续费率必须在 0% 到 100% 之间，最多两位小数");
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in new[] { (WithdrawalSettings.EnabledKey, settings.Enabled ? "true" : "false"), (WithdrawalSettings.FeeKey, settings.FeePercent.ToString(CultureInfo.InvariantCulture)) })
        {
            var row = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key);
            if (row is null) db.SystemSettings.Add(row = new SystemSetting { Key = key });
            (row.Value, row.UpdatedAt, row.UpdatedBy) = (value, now, scope.UserName);
        }
        var result = OperationResult.Ok(settings.Enabled ? $"提现已开启，手续费率 {settings.FeePercent}%" : "提现已关闭");
        AuditTrail.Add(db, now, scope.UserName, "提现设置", "提现", result);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>
    /// What a user may withdraw now: what their recharge orders may still refund, within their spendable principal less
    /// what their open charging orders may still cost.
    /// </summary>
    public async Task<Money> WithdrawableAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WithdrawableAsync(db, userId, ct);
    }

    private static async Task<Money> WithdrawableAsync(ChargeDbContext db, int userId, CancellationToken ct)
    {
        var orders = await db.RechargeOrders.Where(o => o.AppUserId == userId && RechargeOrderLifecycle.Refundable.Contains(o.Status))
            .Select(o => new { o.PaidAmount, o.RefundedAmount, o.RefundingAmount }).ToListAsync(ct);
        var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == userId, ct);
        var fromOrders = orders.Aggregate(Money.Zero, (sum, o) => sum + RefundRules.Unrefunded(o.PaidAmount, o.RefundedAmount, o.RefundingAmount));
        var open = await OpenCharges.OfAsync(db, userId, ct);
        return Money.Min(fromOrders, open.FreePrincipal(wallet.Balance()));
    }

    /// <summary>The user's request (mini-program): frozen at once. The result's message is the withdrawal number.</summary>
    public async Task<OperationResult> RequestAsync(int userId, string phone, Money amount, string requestId, CancellationToken ct = default)
    {
        if (!(await SettingsAsync(ct)).Enabled) return OperationResult.Fail("提现功能未开通");
        var no = "";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(phone, "提现申请", $"wd:{userId}:{requestId}"), async (db, token) =>
        {
            if (amount <= Money.Zero) return OperationResult.Fail("提现金额必须大于 0");
            if (await db.Withdrawals.AnyAsync(w => w.AppUserId == userId && w.Status == WithdrawalStatus.Pending, token))
                return OperationResult.Fail("您已有一笔提现在审核中，请等待处理后再申请");
            var withdrawable = await WithdrawableAsync(db, userId, token);
            if (amount > withdrawable) return OperationResult.Fail($"提现金额 {amount} 元超过可提现金额 {withdrawable} 元");
            var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == userId, token);
            var now = clock.GetUtcNow().UtcDateTime;
            no = OrderNumbers.Next("TX", now);
            db.Withdrawals.Add(new Withdrawal { No = no, AppUserId = userId, Amount = amount, Status = WithdrawalStatus.Pending, RequestId = requestId, CreatedAt = now });
            WalletBook.Post(db, wallet, LedgerAccount.Frozen, amount.Fen, LedgerSource.Withdrawal, no, now, "提现冻结");
            return OperationResult.Ok(no);
        }, () => no.Length > 0 ? no : phone, clock, ct);
        if (result.Succeeded) { live.Publish(new WalletChanged(userId)); live.Publish(new WithdrawalChanged()); }
        return result;
    }

    /// <summary>
    /// 通过: the fee is taken from principal and the rest refunded from the user's recharge orders, newest first — in
    /// one transaction; then each refund is sent to WeChat Pay.
    /// </summary>
    public async Task<OperationResult> ApproveAsync(AccessScope scope, int id, string requestId, CancellationToken ct = default)
    {
        var fee = (await SettingsAsync(ct)).FeePercent;
        var refundNos = new List<string>();
        var result = await DecideAsync(scope, id, "提现审核通过", requestId, "提现审核通过，解除冻结", async (db, w, wallet, now, token) =>
        {
            refundNos.Clear();
            w.Fee = WithdrawalRules.Fee(w.Amount, fee);
            WalletBook.Post(db, wallet, LedgerAccount.Principal, -w.Fee.Fen, LedgerSource.Withdrawal, w.No, now, $"提现手续费 {fee}%");
            var orders = await db.RechargeOrders.Where(o => o.AppUserId == w.AppUserId && RechargeOrderLifecycle.Refundable.Contains(o.Status))
                .OrderByDescending(o => o.PaidAt).ThenByDescending(o => o.Id).ToListAsync(token);
            var payout = w.Amount - w.Fee;
            var open = await OpenCharges.OfAsync(db, w.AppUserId, token);
            if (payout > open.FreePrincipal(wallet.Balance()))
                return OperationResult.Fail($"用户的充电订单 {open.Names} 尚未结算（最多还需 {open.Total} 元），可退本金已不足以支付这笔提现，请等订单结算后再处理");
            var parts = payout > wallet.Balance().SpendablePrincipal ? null
                : WithdrawalRules.Allocate(payout, orders.Select(o => (o.Id, RefundRules.Unrefunded(o.PaidAmount, o.RefundedAmount, o.RefundingAmount))));
            if (parts is null) return OperationResult.Fail("用户可退的储值订单金额已不足以支付这笔提现，请拒绝后让用户重新申请");
            foreach (var (orderId, part) in parts)
                refundNos.Add(RefundService.Add(db, orders.Single(o => o.Id == orderId), wallet, part, $"用户提现 {w.No}", RefundAsker.Operator(scope.UserName, null), now, w.Id).RefundNo);
            w.MoveTo(payout == Money.Zero ? WithdrawalStatus.Paid : WithdrawalStatus.Approved);
            return OperationResult.Ok($"提现 {w.No} 已通过：手续费 {w.Fee} 元，{payout} 元分 {parts.Count} 笔原路退回");
        }, ct);
        if (result.Succeeded) foreach (var no in refundNos) await refunds.SubmitAsync(no, ct);
        return result;
    }

    public Task<OperationResult> RejectAsync(AccessScope scope, int id, string reason, string requestId, CancellationToken ct = default) =>
        ReasonRule.RejectReason.Refusal(reason) is { } refusal
            ? Task.FromResult(refusal)
            : DecideAsync(scope, id, "提现审核拒绝", requestId, "提现被拒绝，解除冻结", (_, w, _, _, _) =>
            {
                w.MoveTo(WithdrawalStatus.Rejected);
                w.Remark = reason.Trim();
                return Task.FromResult(OperationResult.Ok($"提现 {w.No} 已拒绝，{w.Amount} 元已解冻"));
            }, ct);

    /// <summary>An operator's decision on a pending withdrawal: its freeze released, then <paramref name="decide"/>, one money transaction, audited.</summary>
    private async Task<OperationResult> DecideAsync(AccessScope scope, int id, string action, string requestId, string releaseRemark,
        Func<ChargeDbContext, Withdrawal, Wallet, DateTime, CancellationToken, Task<OperationResult>> decide, CancellationToken ct)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能处理提现");
        var target = $"提现 {id}";
        var userId = 0;
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, action, requestId), async (db, token) =>
        {
            var w = await db.Withdrawals.FirstOrDefaultAsync(x => x.Id == id, token);
            if (w is null) return OperationResult.Fail("提现申请不存在");
            target = w.No;
            if (w.Status != WithdrawalStatus.Pending) return OperationResult.Fail("只能处理待审核的提现申请");
            var wallet = await db.Wallets.SingleAsync(x => x.AppUserId == w.AppUserId, token);
            var now = clock.GetUtcNow().UtcDateTime;
            WalletBook.Post(db, wallet, LedgerAccount.Frozen, -w.Amount.Fen, LedgerSource.Withdrawal, w.No, now, releaseRemark);
            var outcome = await decide(db, w, wallet, now, token);
            (w.ProcessedBy, w.ProcessedAt) = (scope.UserName, now);
            w.Version++;
            userId = w.AppUserId;
            return outcome;
        }, () => target, clock, ct);
        if (result.Succeeded && userId != 0) { live.Publish(new WalletChanged(userId)); live.Publish(new WithdrawalChanged()); }
        return result;
    }

    public static readonly RowList<WithdrawalFilter, WithdrawalRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<WithdrawalRow> Query(ChargeDbContext db, AccessScope scope, WithdrawalFilter f)
    {
        var q = db.Withdrawals.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.No)) { var no = f.No.Trim(); q = q.Where(w => w.No.StartsWith(no)); }
        if (!string.IsNullOrWhiteSpace(f.Phone)) { var phone = f.Phone.Trim(); q = q.Where(w => w.AppUser.Phone.StartsWith(phone)); }
        if (f.Status is { } status) q = q.Where(w => w.Status == status);
        return Rows(q.WithinChinaDays(w => w.CreatedAt, f.From, f.To));
    }

    private static IQueryable<WithdrawalRow> Rows(IQueryable<Withdrawal> q) => q.Select(w => new WithdrawalRow
    {
        Id = w.Id, No = w.No, Phone = w.AppUser.Phone, Nickname = w.AppUser.Nickname, Amount = w.Amount, Fee = w.Fee, PaidOut = w.PaidOut, Status = w.Status,
        Remark = w.Remark, ProcessedBy = w.ProcessedBy, CreatedAt = w.CreatedAt, ProcessedAt = w.ProcessedAt,
    });

    public static IEnumerable<WithdrawalExportRow> Export(ChargeDbContext db, AccessScope scope, WithdrawalFilter f) =>
        Query(db, scope, f).OrderByDescending(w => w.Id).AsEnumerable().Select(w => new WithdrawalExportRow
        {
            No = w.No, Phone = w.Phone, Nickname = w.Nickname, Amount = w.Amount.Yuan, Fee = w.Fee.Yuan, PaidOut = w.PaidOut.Yuan, Status = StoredValueText.Status(w.Status),
            Remark = w.Remark ?? "", ProcessedBy = w.ProcessedBy ?? "", CreatedAt = ChinaTime.Format(w.CreatedAt), ProcessedAt = ChinaTime.Format(w.ProcessedAt),
        });

    public async Task<(List<WithdrawalRow> Items, int Total)> ForUserAsync(int userId, int page, int pageSize, CancellationToken ct, string? no = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Withdrawals.AsNoTracking().Where(w => w.AppUserId == userId);
        if (no is not null) mine = mine.Where(w => w.No == no);
        var q = Rows(mine);
        return (await q.OrderByDescending(w => w.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct), await q.CountAsync(ct));
    }
}
