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
/// seen as settled) and templates by id. Cheaper than asking the change tracker, which re-scans every entity.
/// </summary>
public sealed class SettlementBatch
{
    public Dictionary<string, ChargingOrder> Orders { get; } = [];
    public Dictionary<int, BillingTemplate?> Templates { get; } = [];
}

/// <summary>
/// Closes an order from its pile's transaction record and pays it from the wallet. Works on the caller's
/// context; the caller saves and commits, so order, wallet and ledger change together or not at all.
/// </summary>
public sealed class OrderSettlement(IOptions<OrdersOptions> options)
{
    /// <summary>A pile's amount may differ from the console's by rounding; more than this is flagged.</summary>
    private static readonly Money MismatchTolerance = Money.FromFen(1);

    public async Task<RecordResult> ApplyRecordAsync(ChargeDbContext db, TransactionRecord record, DateTime now, CancellationToken ct, SettlementBatch? batch = null)
    {
        batch ??= new SettlementBatch();
        if (!batch.Orders.TryGetValue(record.Serial, out var order))
            order = await db.ChargingOrders.FirstOrDefaultAsync(o => o.TransactionSerial == record.Serial, ct);
        // The serial is unique: a record resent for an order already closed is confirmed again and changes nothing.
        if (order is not null && !ChargingOrderLifecycle.AwaitsRecord(order.Status) && order.Status != ChargingOrderStatus.Failed)
            return new(order, Duplicate: true);
        // A start the pile refused still gets its (empty) record: the order stays Failed.
        if (order is { Status: ChargingOrderStatus.Failed } && record.TotalEnergy == 0)
            return new(order, Duplicate: true);
        order ??= await OrderForUnknownSerialAsync(db, record, now, ct);
        batch.Orders[record.Serial] = order;

        order.StartedAt ??= ChinaTime.ToUtc(record.StartTime);
        order.EndedAt = ChinaTime.ToUtc(record.EndTime);
        order.SharpEnergy = Energy.FromUnits(record.Periods[0].Energy);
        order.PeakEnergy = Energy.FromUnits(record.Periods[1].Energy);
        order.FlatEnergy = Energy.FromUnits(record.Periods[2].Energy);
        order.ValleyEnergy = Energy.FromUnits(record.Periods[3].Energy);
        order.Energy = order.SharpEnergy + order.PeakEnergy + order.FlatEnergy + order.ValleyEnergy;
        // Yuan ×10⁴ on the wire to fen, half away from zero.
        order.PileAmount = Money.FromYuan(record.TotalAmount / 10_000m);
        order.StopReason = StopReasons.Describe(record.StopReason);
        order.PowerKw = null;
        if (!string.IsNullOrWhiteSpace(record.Vin)) order.Vin ??= record.Vin.Trim();

        BillingTemplate? template = null;
        if (order.BillingTemplateId is { } tid && !batch.Templates.TryGetValue(tid, out template))
            batch.Templates[tid] = template = await db.BillingTemplates.AsNoTracking().Include(t => t.ElectricityPrice).FirstOrDefaultAsync(t => t.Id == tid, ct);
        if (template is not null)
        {
            var bill = ChargeCalculator.Price(template.Tariff(), new PeriodEnergies(order.SharpEnergy, order.PeakEnergy, order.FlatEnergy, order.ValleyEnergy));
            order.ElectricityFee = bill.ElectricityFee;
            order.ServiceFee = bill.ServiceFee;
            order.TotalAmount = bill.Total;
        }
        else
        {
            // No template to split the price with: the pile's own amount is all there is.
            order.ElectricityFee = order.PileAmount.Value;
            order.ServiceFee = Money.Zero;
            order.TotalAmount = order.PileAmount.Value;
        }
        var diff = order.TotalAmount - order.PileAmount.Value;
        order.AmountMismatch = (diff.IsNegative ? -diff : diff) > MismatchTolerance;
        order.RecordOverdue = false;
        order.Status = ChargingOrderStatus.Finished;
        order.Version++;

        await PayAsync(db, order, now, ct);
        return new(order, Duplicate: false);
    }

    /// <summary>
    /// Pays a Finished or Unpaid order from its user's wallet, principal first, then bonus. Short of money it
    /// stays (or becomes) Unpaid; returns whether it was paid.
    /// </summary>
    public async Task<bool> PayAsync(ChargeDbContext db, ChargingOrder order, DateTime now, CancellationToken ct)
    {
        if (order.AppUserId is not { } userId)
        {
            order.Status = ChargingOrderStatus.Unpaid;
            order.FailureReason = "订单未关联用户，无法从钱包扣款";
            return false;
        }
        // Tracked: within a batch, two orders of one wallet see each other's payments.
        var wallet = await db.Wallets.FirstAsync(w => w.AppUserId == userId, ct);
        var due = Money.Max(Money.Zero, order.TotalAmount - order.DiscountAmount);
        if (WalletRules.Pay(wallet.Balance(), due) is not { } payment)
        {
            order.Status = ChargingOrderStatus.Unpaid;
            return false;
        }
        WalletBook.PostPayment(db, wallet, payment, LedgerSource.ChargingOrder, order.OrderNo, now, "充电消费");
        var points = WalletRules.PointsFor(payment.Total, options.Value.PointsPerYuan);
        WalletBook.Post(db, wallet, LedgerAccount.Points, points, LedgerSource.ChargingOrder, order.OrderNo, now, "充电积分");
        order.PaidPrincipal = payment.FromPrincipal;
        order.PaidBonus = payment.FromBonus;
        order.PointsEarned = points;
        order.Status = ChargingOrderStatus.Settled;
        order.SettledAt = now;
        order.FailureReason = null;
        order.Version++;
        return true;
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
