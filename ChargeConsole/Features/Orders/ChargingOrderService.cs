using ChargeConsole.Features.Revenue;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Features.Users;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>充电订单 in the console: the list, bill detail, charging report, and the operator's remote stop, void and manual settlement.</summary>
public sealed class ChargingOrderService(
    IDbContextFactory<ChargeDbContext> dbFactory, ChargingService charging, OrderSettlement settlement, AuditTrail audit, LiveEvents live, TimeProvider clock)
{
    public static IQueryable<ChargingOrderRow> Query(ChargeDbContext db, AccessScope scope, ChargingOrderFilter f)
    {
        var q = db.ChargingOrders.AsNoTracking().VisibleTo(scope);
        q = q.WithinChinaDays(o => o.CreatedAt, f.From, f.To);
        if (f.Status is { } status) q = q.Where(o => o.Status == status);
        if (f.StationId is { } station) q = q.Where(o => o.StationId == station);
        if (!string.IsNullOrWhiteSpace(f.OrderNo))
        {
            // A prefix, as a range on the unique index: a substring search would read every order (0.4 s at a million).
            var low = f.OrderNo.Trim().ToUpperInvariant();
            var high = low + "\u007f";
            q = q.Where(o => string.Compare(o.OrderNo, low) >= 0 && string.Compare(o.OrderNo, high) < 0);
        }
        // Investors never search by a user's phone: the answer alone would tell them who charged at their stations.
        if (!scope.IsInvestor && !string.IsNullOrWhiteSpace(f.Phone))
        {
            var phone = f.Phone.Trim();
            // Users first (a small table), then their orders by the (user, time) index.
            var users = db.AppUsers.Where(u => u.Phone.Contains(phone)).Select(u => (int?)u.Id);
            q = q.Where(o => users.Contains(o.AppUserId));
        }
        // Investors see a masked phone (139****0000) and no nickname, in the grid and the export alike.
        var investor = scope.IsInvestor;
        return q.Select(o => new ChargingOrderRow
        {
            Id = o.Id, OrderNo = o.OrderNo, Status = o.Status, Source = o.Source,
            Phone = o.AppUser == null ? null : investor ? o.AppUser.Phone.Substring(0, 3) + "****" + o.AppUser.Phone.Substring(7) : o.AppUser.Phone,
            Nickname = o.AppUser == null || investor ? null : o.AppUser.Nickname,
            StationId = o.StationId, StationName = o.Station.Name, GunCode = o.GunCode,
            CreatedAt = o.CreatedAt, StartedAt = o.StartedAt, EndedAt = o.EndedAt,
            Energy = o.Energy, ElectricityFee = o.ElectricityFee, ServiceFee = o.ServiceFee, TotalAmount = o.TotalAmount, DiscountAmount = o.DiscountAmount, PileAmount = o.PileAmount,
            AmountMismatch = o.AmountMismatch, RecordOverdue = o.RecordOverdue, PowerKw = o.PowerKw, Soc = o.Soc,
            StopReason = o.StopReason, FailureReason = o.FailureReason, ReviewNote = o.ReviewNote,
        });
    }

    public static IEnumerable<ChargingOrderExportRow> Export(ChargeDbContext db, AccessScope scope, ChargingOrderFilter f) =>
        Query(db, scope, f).OrderByDescending(o => o.CreatedAt).AsEnumerable().Select(o => new ChargingOrderExportRow
        {
            OrderNo = o.OrderNo, Status = OrderText.Status(o.Status), Source = OrderText.Source(o.Source),
            Phone = o.Phone ?? "", Nickname = o.Nickname ?? "", Station = o.StationName, Gun = o.GunCode,
            CreatedAt = ChinaTime.Format(o.CreatedAt), StartedAt = ChinaTime.Format(o.StartedAt), EndedAt = ChinaTime.Format(o.EndedAt),
            Energy = o.Energy.Kwh, ElectricityFee = o.ElectricityFee.Yuan, ServiceFee = o.ServiceFee.Yuan, Total = o.TotalAmount.Yuan, Discount = o.DiscountAmount.Yuan,
            PileAmount = o.PileAmount?.ToString() ?? "", StopReason = o.StopReason ?? o.FailureReason ?? "", Flags = OrderText.Flags(o.AmountMismatch, o.RecordOverdue),
            ReviewNote = o.ReviewNote ?? "",
        });

    public async Task<ChargingOrderDetail?> GetDetailAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.ChargingOrders.AsNoTracking().VisibleTo(scope).Include(o => o.AppUser).Include(o => o.Station).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return null;
        if (scope.IsInvestor)
            return new ChargingOrderDetail(order, order.Station.Name, PhoneMask.Mask(order.AppUser?.Phone), null, [], ShowsWallet: false);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(l => l.SourceNo == order.OrderNo).OrderBy(l => l.Id).ToListAsync(ct);
        return new ChargingOrderDetail(order, order.Station.Name, order.AppUser?.Phone, order.AppUser?.Nickname, ledger, ShowsWallet: true);
    }

    public async Task<IReadOnlyList<ChargingSample>> SamplesAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ChargingOrders.VisibleTo(scope).AnyAsync(o => o.Id == id, ct)) return [];
        return await db.ChargingReports.AsNoTracking().Where(r => r.ChargingOrderId == id).OrderBy(r => r.SampledAt)
            .Select(r => new ChargingSample(r.SampledAt, r.Voltage, r.Current, r.PowerKw, r.Energy, r.Soc, r.Amount)).ToListAsync(ct);
    }

    public async Task<OperationResult> StopAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能停止充电");
        var result = await charging.StopAsync(id, q => q.VisibleTo(scope), StopReasons.ByOperator(scope.UserName), ct);
        await audit.WriteAsync(scope.UserName, "结束充电", await OrderNoAsync(id, ct), result, ct);
        return result;
    }

    /// <summary>退单: a settled order's money goes back to the accounts it came from, its points are taken back, and it is Voided. Once.</summary>
    public async Task<OperationResult> VoidAsync(AccessScope scope, long id, string reason, CancellationToken ct = default, string? requestId = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能退单");
        if (string.IsNullOrWhiteSpace(reason)) return OperationResult.Fail("请填写退单原因");
        if (reason.Trim().Length > 200) return OperationResult.Fail("退单原因不能超过 200 个字");
        int? userId = null;
        ChargingOrder? voided = null;
        var orderNo = $"订单 {id}";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, "退单", requestId), async (db, token) =>
        {
            var order = await db.ChargingOrders.VisibleTo(scope).FirstOrDefaultAsync(o => o.Id == id, token);
            if (order is null) return OperationResult.Fail("订单不存在");
            orderNo = order.OrderNo;
            if (order.Status == ChargingOrderStatus.Voided) return OperationResult.Fail("该订单已退单，不能重复退单");
            if (!ChargingOrderLifecycle.CanMove(order.Status, ChargingOrderStatus.Voided))
                return OperationResult.Fail($"只有已结算的订单可以退单，该订单{OrderText.Status(order.Status)}");
            var now = clock.GetUtcNow().UtcDateTime;
            if (order.AppUserId is { } uid)
            {
                var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == uid, token);
                var remark = $"退单：{reason.Trim()}";
                WalletBook.Post(db, wallet, LedgerAccount.Principal, order.PaidPrincipal.Fen, LedgerSource.Void, order.OrderNo, now, remark);
                WalletBook.Post(db, wallet, LedgerAccount.Bonus, order.PaidBonus.Fen, LedgerSource.Void, order.OrderNo, now, remark);
                WalletBook.Post(db, wallet, LedgerAccount.Points, -WalletRules.PointsToReverse(order.PointsEarned, wallet.Points), LedgerSource.Void, order.OrderNo, now, remark);
                userId = uid;
            }
            order.MoveTo(ChargingOrderStatus.Voided);
            await RevenueBook.RecordVoidedAsync(db, order, now, token);
            await Coupons.CouponUse.ReturnAsync(db, order, now, token);
            order.FailureReason = $"退单：{reason.Trim()}（{scope.UserName}）";
            voided = order;
            return OperationResult.Ok($"已退单，退回 {order.PaidPrincipal + order.PaidBonus} 元");
        }, () => orderNo, clock, ct);
        if (voided is not null)
        {
            live.Publish(new OrderUpdated(voided.Id, voided.StationId, userId, ChargingOrderStatus.Voided));
            if (userId is { } u) live.Publish(new WalletChanged(u));
            if (voided.DiscountAmount > Domain.Values.Money.Zero) live.Publish(new CouponClaimsChanged());
        }
        return result;
    }

    /// <summary>订单结算: an Unpaid order is paid from the wallet once its balance suffices.</summary>
    public async Task<OperationResult> SettleAsync(AccessScope scope, long id, CancellationToken ct = default, string? requestId = null)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能结算订单");
        ChargingOrder? paid = null;
        var orderNo = $"订单 {id}";
        var result = await MoneyTransaction.RunAsync(dbFactory, new MoneyAction(scope.UserName, "订单结算", requestId), async (db, token) =>
        {
            var order = await db.ChargingOrders.VisibleTo(scope).FirstOrDefaultAsync(o => o.Id == id, token);
            if (order is null) return OperationResult.Fail("订单不存在");
            orderNo = order.OrderNo;
            if (order.Status != ChargingOrderStatus.Unpaid) return OperationResult.Fail($"只有未支付的订单可以结算，该订单{OrderText.Status(order.Status)}");
            if (order.AppUserId is not { } uid) return OperationResult.Fail("订单未关联用户，无法从钱包扣款");
            var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == uid, token);
            var due = order.TotalAmount - order.DiscountAmount;
            if (!await settlement.PayAsync(db, order, clock.GetUtcNow().UtcDateTime, token))
                return OperationResult.Fail($"用户余额不足：需支付 {due} 元，可用余额 {wallet.Balance().Spendable} 元");
            paid = order;
            return OperationResult.Ok($"已结算 {due} 元");
        }, () => orderNo, clock, ct);
        if (paid is not null)
        {
            live.Publish(new OrderUpdated(paid.Id, paid.StationId, paid.AppUserId, paid.Status));
            live.Publish(new WalletChanged(paid.AppUserId!.Value));
        }
        return result;
    }

    /// <summary>One of the user's own orders, for the mini-program.</summary>
    public async Task<(ChargingOrder Order, string StationName)?> ForUserAsync(int userId, string orderNo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == userId && o.OrderNo == orderNo)
            .Select(o => new { Order = o, Station = o.Station.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Order, found.Station);
    }

    public async Task<(List<(ChargingOrder Order, string StationName)> Items, int Total)> ListForUserAsync(int userId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.ChargingOrders.AsNoTracking().Where(o => o.AppUserId == userId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(o => o.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { Order = o, Station = o.Station.Name }).ToListAsync(ct);
        return (items.Select(x => (x.Order, x.Station)).ToList(), total);
    }

    /// <summary>The user stops their own charge from the mini-program.</summary>
    public async Task<OperationResult> StopForUserAsync(int userId, string orderNo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ChargingOrders.Where(o => o.AppUserId == userId && o.OrderNo == orderNo).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        if (id is null) return OperationResult.Fail("订单不存在");
        return await charging.StopAsync(id.Value, q => q.Where(o => o.AppUserId == userId), StopReasons.ByUser, ct);
    }

    private async Task<string> OrderNoAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChargingOrders.Where(o => o.Id == id).Select(o => o.OrderNo).FirstOrDefaultAsync(ct) ?? $"订单 {id}";
    }
}
