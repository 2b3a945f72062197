using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;

namespace ChargeConsole.Tests.Support;

/// <summary>A station with a flat-priced template (1.00 + 0.50 yuan/kWh all day), one pile and one gun, for settlement tests without a live pile.</summary>
public sealed class OrderFixture
{
    public const string PileCode = "32010299990001";
    public const string GunCode = PileCode + "01";
    private int _serial;

    public required TestDatabase Db { get; init; }
    public required Station Station { get; init; }
    public required int GunId { get; init; }
    public required int PileId { get; init; }
    public required int TemplateId { get; init; }

    public static async Task<OrderFixture> CreateAsync(TestDatabase db)
    {
        var station = await db.AddStationAsync("结算测试站");
        await using var ctx = db.Context();
        var template = new BillingTemplate
        {
            Name = "平价", Slots = new string('2', 48),
            ElectricityPrice = new ElectricityPrice { Name = "平价电", Sharp = Price.FromYuan(1m), Peak = Price.FromYuan(1m), Flat = Price.FromYuan(1m), Valley = Price.FromYuan(1m) },
            SharpServiceFee = Price.FromYuan(0.5m), PeakServiceFee = Price.FromYuan(0.5m), FlatServiceFee = Price.FromYuan(0.5m), ValleyServiceFee = Price.FromYuan(0.5m),
        };
        var pile = new Pile { Code = PileCode, Name = "1号桩", StationId = station.Id, Model = "T", GunCount = 1, PowerKw = 60, BillingTemplate = template };
        pile.Guns.Add(new Gun { Code = GunCode, Number = 1, StationId = station.Id });
        ctx.Piles.Add(pile);
        await ctx.SaveChangesAsync();
        return new OrderFixture { Db = db, Station = station, GunId = pile.Guns[0].Id, PileId = pile.Id, TemplateId = template.Id };
    }

    /// <summary>An order charging for the user, as a start would have left it half an hour ago (by the test clock).</summary>
    public async Task<ChargingOrder> ChargingOrderAsync(int userId)
    {
        await using var ctx = Db.Context();
        var n = Interlocked.Increment(ref _serial);
        var startedAt = Db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var order = new ChargingOrder
        {
            OrderNo = $"CDTEST{n:000000}", TransactionSerial = $"{GunCode}2611251000{n:000000}", AppUserId = userId,
            StationId = Station.Id, PileId = PileId, GunId = GunId, GunCode = GunCode, Status = ChargingOrderStatus.Charging,
            BillingTemplateId = TemplateId, CreatedAt = startedAt, StartedAt = startedAt,
        };
        ctx.ChargingOrders.Add(order);
        await ctx.SaveChangesAsync();
        return order;
    }

    /// <summary>
    /// The pile's record for an order: 30 minutes from the order's start (or 2026-11-25 10:00 for an order the console
    /// never made), all of <paramref name="energyUnits"/> (kWh ×10⁴) in the flat period, priced at 1.50/kWh.
    /// </summary>
    public static TransactionRecord RecordFor(ChargingOrder order, uint energyUnits)
    {
        var amount = (uint)((ulong)energyUnits * 150_000 / 100_000); // in ulong: 150,000 × a few kWh overflows uint
        var start = order.CreatedAt == default ? new DateTime(2026, 11, 25, 10, 0, 0) : ChinaTime.ToChina(order.CreatedAt);
        PeriodUsage None() => new(0, 0, 0, 0);
        return new TransactionRecord(order.TransactionSerial!, PileCode, 1, start, start.AddMinutes(30),
            [None(), None(), new PeriodUsage(150_000, energyUnits, energyUnits, amount), None()], 0, energyUnits, energyUnits, energyUnits, amount,
            "", 0x01, start.AddMinutes(30), 0x40, "0000000000000000");
    }

    /// <summary>Applies a pile's record as the settlement queue does: in one transaction, committed.</summary>
    public static async Task<ChargingOrder> SettleAsync(TestDatabase db, TransactionRecord record)
    {
        await using var ctx = db.Context();
        await using var tx = await ctx.Database.BeginTransactionAsync();
        var result = await db.Get<OrderSettlement>().ApplyRecordAsync(ctx, record, db.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await ctx.SaveChangesAsync();
        await tx.CommitAsync();
        return result.Order;
    }
}
