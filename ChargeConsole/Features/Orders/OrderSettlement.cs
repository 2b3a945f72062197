using ChargeConsole.Features.Coupons;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Features.Orders;

/// <summary>What a transaction record did to its order.</summary>
public sealed record RecordResult(ChargingOrder Order, bool Duplicate);

/// <summary>
/// What one settlement transaction has already loaded: orders by serial (so a record resent within the batch is
/// seen as settled), templates by id and piles' rated power. Cheaper than asking the change tracker, which re-scans every entity.
/// </summary>
public sealed class SettlementBatch
{
    public Dictionary<string, ChargingOrder> Orders { get; } = [];
    public Dictionary<int, BillingTemplate?> Templates { get; } = [];
    public Dictionary<int, decimal> RatedPower { get; } = [];
}

/// <summary>
/// Closes an order from its pile's transaction record and pays it from the wallet. Works on the caller's
/// context; the caller saves and commits, so order, wallet and ledger change together or not at all.
/// A record the console did not start, or one that fails the plausibility rules, is held as 待审核 and pays nothing.
/// </summary>
public sealed class OrderSettlement(IOptions<OrdersOptions> options)
{
    /// <summary>A pile's amount may differ from the console's by rounding; more than this is flagged.</summary>
    private static readonly Money MismatchTolerance = Money.FromFen(1);

    /// <summary>Marks an order an operator settled from its last meter sample (按最后上报结算).</summary>
    public const string SettledFromSamplesNote = "按最后上报结算";

    public async Task<RecordResult> ApplyRecordAsync(ChargeDbContext db, TransactionRecord record, DateTime now, CancellationToken ct, SettlementBatch? batch = null)
    {
        batch ??= new SettlementBatch();
        if (!batch.Orders.TryGetValue(record.Serial, out var order))
            order = await db.ChargingOrders.FirstOrDefaultAsync(o => o.TransactionSerial == record.Serial, ct);
        if (order is { Status: ChargingOrderStatus.Closed })
        {
            // Closed by an operator for want of a record; here it is after all: the operator decides whether to charge.
            batch.Orders[record.Serial] = order;
            await FillAsync(db, order, record, batch, ct);
            order.MoveTo(ChargingOrderStatus.PendingReview);
            order.ReviewNote = $"待审核：订单已关闭后收到电桩交易记录（电桩金额 {order.PileAmount} 元），请审核是否收费";
            return new(order, Duplicate: false);
        }
        // The serial is unique: a record resent for an order already closed is confirmed again and changes nothing.
        if (order is not null && !ChargingOrderLifecycle.AwaitsRecord(order.Status) && order.Status != ChargingOrderStatus.Failed)
        {
            if (order.Status == ChargingOrderStatus.Settled && order.PileAmount is null && order.ReviewNote?.StartsWith(SettledFromSamplesNote) == true)
                Reconcile(order, record);
            return new(order, Duplicate: true);
        }
        // A start the pile refused still gets its (empty) record: the order stays Failed.
        if (order is { Status: ChargingOrderStatus.Failed } && record.TotalEnergy == 0)
            return new(order, Duplicate: true);
        var started = order is null ? null : new ConsoleStart(order.CreatedAt, order.SpendingLimit);
        order ??= await OrderForUnknownSerialAsync(db, record, now, ct);
        batch.Orders[record.Serial] = order;
        await FillAsync(db, order, record, batch, ct);
        order.RecordOverdue = false;

        var facts = new RecordFacts(ChinaTime.ToUtc(record.StartTime), ChinaTime.ToUtc(record.EndTime), Energy.FromUnits(record.TotalEnergy), order.Energy,
            record.MeterStart, record.MeterStop, await RatedPowerAsync(db, order.PileId, batch, ct), order.TotalAmount + order.OverLimitWaived);
        var doubts = RecordPlausibility.Check(facts, started, now);
        if (doubts.Count > 0)
        {
            // Held at most at the limit (FillAsync): an approval never charges more than the pile was allowed.
            order.MoveTo(ChargingOrderStatus.PendingReview);
            order.ReviewNote = OrderText.Doubts(doubts);
            return new(order, Duplicate: false);
        }
        await PayAsync(db, order, now, ct);
        return new(order, Duplicate: false);
    }

    /// <summary>The record's figures on the order, priced by the tariff fixed at start (the template's, for orders that have none).</summary>
    private static async Task FillAsync(ChargeDbContext db, ChargingOrder order, TransactionRecord record, SettlementBatch batch, CancellationToken ct)
    {
        order.StartedAt ??= ChinaTime.ToUtc(record.StartTime);
        order.EndedAt = ChinaTime.ToUtc(record.EndTime);
        order.SharpEnergy = Energy.FromUnits(record.Periods[0].Energy);
        order.PeakEnergy = Energy.FromUnits(record.Periods[1].Energy);
        order.FlatEnergy = Energy.FromUnits(record.Periods[2].Energy);
        order.ValleyEnergy = Energy.FromUnits(record.Periods[3].Energy);
        order.Energy = order.SharpEnergy + order.PeakEnergy + order.FlatEnergy + order.ValleyEnergy;
        // Yuan ×10⁴ on the wire to fen, half away from zero.
        order.PileAmount = Money.FromYuan(record.TotalAmount / 10_000m);
        // The console's own stop (the user's, an operator's, 余额不足) says more than the pile's code for the remote stop it obeyed.
        order.StopReason ??= StopReasons.Describe(record.StopReason);
        order.PowerKw = null;
        if (!string.IsNullOrWhiteSpace(record.Vin)) order.Vin ??= record.Vin.Trim();

        var tariff = order.Tariff is { } fixedAtStart ? TariffSnapshot.Parse(fixedAtStart).Tariff : (await TemplateAsync(db, order, batch, ct))?.Tariff();
        if (tariff is not null)
        {
            var bill = ChargeCalculator.Price(tariff, new PeriodEnergies(order.SharpEnergy, order.PeakEnergy, order.FlatEnergy, order.ValleyEnergy));
            Price(order, bill.ElectricityFee, bill.ServiceFee);
        }
        else Price(order, order.PileAmount.Value, Money.Zero); // no tariff to split the price with: the pile's own amount is all there is
        var diff = order.TotalAmount + order.OverLimitWaived - order.PileAmount.Value;
        order.AmountMismatch = (diff.IsNegative ? -diff : diff) > MismatchTolerance;
    }

    /// <summary>
    /// The order's fees and total from a price, held to the order's spending limit (SpendingRules.Cap): a charge the
    /// console stopped at the user's limit never costs more than the limit, and the bill says what was not charged.
    /// </summary>
    internal static void Price(ChargingOrder order, Money electricity, Money service)
    {
        (order.ElectricityFee, order.ServiceFee, order.OverLimitWaived) = SpendingRules.Cap(electricity, service, order.SpendingLimit);
        order.TotalAmount = order.ElectricityFee + order.ServiceFee;
    }

    private static async Task<BillingTemplate?> TemplateAsync(ChargeDbContext db, ChargingOrder order, SettlementBatch batch, CancellationToken ct)
    {
        if (order.BillingTemplateId is not { } tid) return null;
        if (!batch.Templates.TryGetValue(tid, out var template))
            batch.Templates[tid] = template = await db.BillingTemplates.AsNoTracking().Include(t => t.ElectricityPrice).FirstOrDefaultAsync(t => t.Id == tid, ct);
        return template;
    }

    private static async Task<decimal> RatedPowerAsync(ChargeDbContext db, int pileId, SettlementBatch batch, CancellationToken ct)
    {
        if (!batch.RatedPower.TryGetValue(pileId, out var kw))
            batch.RatedPower[pileId] = kw = await db.Piles.Where(p => p.Id == pileId).Select(p => p.PowerKw).FirstOrDefaultAsync(ct);
        return kw;
    }

    /// <summary>
    /// The record of an order already settled from its last meter sample: the pile's figures are kept beside what
    /// was charged, and a difference is flagged for the operator. Nothing is charged again.
    /// </summary>
    private static void Reconcile(ChargingOrder order, TransactionRecord record)
    {
        var pileAmount = Money.FromYuan(record.TotalAmount / 10_000m);
        order.PileAmount = pileAmount;
        var diff = order.TotalAmount - pileAmount;
        order.AmountMismatch = (diff.IsNegative ? -diff : diff) > MismatchTolerance;
        order.ReviewNote = $"{order.ReviewNote}；电桩交易记录迟到：电桩金额 {pileAmount} 元、电量 {Energy.FromUnits(record.TotalEnergy)} kWh，已按最后上报收取 {order.TotalAmount} 元，未重复扣款";
        order.Version++;
    }

    /// <summary>
    /// Pays a Finished or Unpaid order from its user's wallet, principal first, then bonus. Short of money it
    /// stays (or becomes) Unpaid; returns whether it was paid.
    /// </summary>
    public async Task<bool> PayAsync(ChargeDbContext db, ChargingOrder order, DateTime now, CancellationToken ct)
    {
        if (order.AppUserId is not { } userId)
        {
            MoveIfNeeded(order, ChargingOrderStatus.Unpaid);
            order.FailureReason = "订单未关联用户，无法从钱包扣款";
            return false;
        }
        // An order made from a record in this batch has no id yet, and a card or offline start names no coupon.
        if (order.Id != 0) await CouponUse.ApplyAsync(db, order, options.Value.AutoApplyBestCoupon, now, ct);
        // Tracked: within a batch, two orders of one wallet see each other's payments.
        var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == userId, ct);
        var due = Money.Max(Money.Zero, order.Charged);
        if (WalletRules.Pay(wallet.Balance(), due) is not { } payment)
        {
            MoveIfNeeded(order, ChargingOrderStatus.Unpaid);
            return false;
        }
        WalletBook.PostPayment(db, wallet, payment, LedgerSource.ChargingOrder, order.OrderNo, now,
            order.DiscountAmount > Money.Zero ? $"充电消费（订单 {order.TotalAmount} 元，优惠券减 {order.DiscountAmount} 元）" : "充电消费");
        var points = WalletRules.PointsFor(payment.Total, options.Value.PointsPerYuan);
        WalletBook.Post(db, wallet, LedgerAccount.Points, points, LedgerSource.ChargingOrder, order.OrderNo, now, "充电积分");
        order.PaidPrincipal = payment.FromPrincipal;
        order.PaidBonus = payment.FromBonus;
        order.PointsEarned = points;
        order.MoveTo(ChargingOrderStatus.Settled);
        order.SettledAt = now;
        order.FailureReason = null;
        await RevenueBook.RecordSettledAsync(db, order, now, ct);
        return true;
    }

    private static void MoveIfNeeded(ChargingOrder order, ChargingOrderStatus to)
    {
        if (order.Status != to) order.MoveTo(to);
    }

    /// <summary>
    /// A record whose serial the console never issued: the pile started on its own (offline card, local
    /// start). The order is made from the record, with the user found by card or VIN when possible.
    /// </summary>
    private static async Task<ChargingOrder> OrderForUnknownSerialAsync(ChargeDbContext db, TransactionRecord record, DateTime now, CancellationToken ct)
    {
        var gunCode = record.PileCode + record.Gun.ToString("00");
        var gun = await db.Guns.AsNoTracking().Where(g => g.Code == gunCode)
            .Select(g => new { g.Id, g.PileId, g.StationId, TemplateId = g.Pile.BillingTemplateId ?? g.Pile.Station.BillingTemplateId })
            .FirstOrDefaultAsync(ct) ?? throw new UnknownGunException(gunCode);
        int? userId = null;
        var card = record.PhysicalCard.TrimStart('0');
        if (card.Length > 0)
            userId = await db.AppUsers.Where(u => u.CardNumber == record.PhysicalCard).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var vin = record.Vin.Trim('\0', ' ');
        if (userId is null && vin.Length > 0)
            userId = await db.Vehicles.Where(v => v.Vin == vin).Select(v => (int?)v.AppUserId).FirstOrDefaultAsync(ct);
        var order = new ChargingOrder
        {
            OrderNo = OrderNumbers.Next("CD", now),
            TransactionSerial = record.Serial,
            AppUserId = userId,
            StationId = gun.StationId, PileId = gun.PileId, GunId = gun.Id, GunCode = gunCode,
            Source = record.TradeFlag switch { 0x02 => StartSource.Card, 0x05 => StartSource.Vin, 0x01 => StartSource.App, _ => StartSource.Offline },
            BillingTemplateId = gun.TemplateId,
            CreatedAt = ChinaTime.ToUtc(record.StartTime),
            Status = ChargingOrderStatus.Finished,
            CardNumber = card.Length > 0 ? record.PhysicalCard : null,
        };
        db.ChargingOrders.Add(order);
        return order;
    }
}

/// <summary>A record named a gun the console does not know: it is refused (0x40 "illegal bill").</summary>
public sealed class UnknownGunException(string gunCode) : Exception($"未登记的电枪 {gunCode}")
{
    public string GunCode { get; } = gunCode;
}
