using ChargeConsole.Data;
using ChargeConsole.Devices.Ocpp;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// An OCPP charge point's transactions on the console's orders. The transaction id the pile is given is the order's
/// id, so either leads to the other. An OCPP pile prices nothing: its meter samples are kept as the order's reports,
/// and at the stop the console splits the energy over the order's time-of-use slots (the tariff fixed at start)
/// and prices it itself. The result goes the way of a YKC transaction record (<see cref="SettlementQueue"/>): the
/// same plausibility checks, the same wallet and ledger, and a stop sent again settles once.
/// </summary>
public sealed class OcppTransactions(
    IDbContextFactory<ChargeDbContext> dbFactory, IPileEventSink sink, OrderTelemetry telemetry, ChargingService charging,
    Piles.StationPowerSpread powerSpread, ILogger<OcppTransactions> log)
    : IOcppTransactions
{
    private const string NoCard = "0000000000000000";

    private sealed record OrderView(long Id, string Serial, string GunCode, DateTime CreatedAt, DateTime? StartedAt, long? MeterStartWh, string? Tariff, int StationId);

    public async Task<OcppStartAnswer> StartAsync(string pileCode, int connector, string idTag, long meterStartWh, DateTimeOffset at, CancellationToken ct)
    {
        var gunCode = pileCode + connector.ToString("00");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The console's own start waiting on this gun (RemoteStartTransaction gave the pile the user's card number as idTag).
        var order = await db.ChargingOrders.Where(o => o.GunCode == gunCode && o.GunRunningSlot != null && o.TransactionSerial != null)
            .OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        if (order is null || !ChargingOrderLifecycle.IsInProgress(order.Status) || order.AppUserId is { } user && ChargingService.LogicalCard(user) != idTag
            && order.CardNumber != idTag)
        {
            // No start of ours waits here: a card swiped at the pile, under the same rules as a YKC 0x31.
            var (status, cardOrder) = await CardStartAsync(db, gunCode, idTag, ct);
            if (cardOrder is null)
            {
                log.LogInformation("OCPP {Pile}: StartTransaction on connector {Connector} with {IdTag} refused: {Status}", pileCode, connector, idTag, status);
                return new OcppStartAnswer(status, 0);
            }
            order = cardOrder;
        }
        if (order.Id > int.MaxValue) throw new InvalidOperationException("order ids beyond the OCPP transaction id range");
        // A charge on the gun ends any reservation holding it (the pile has ended it too).
        await db.Guns.Where(g => g.Code == gunCode && g.ReservedFor != null)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ReservedFor, (string?)null).SetProperty(g => g.ReservedUntil, (DateTime?)null), ct);
        // A StartTransaction sent again after a reconnect keeps the first meter reading and start.
        // One conditional update, not the tracked order: the app's start may be moving the same order to 充电中 now.
        if (order.MeterStartWh is null)
            await db.ChargingOrders.Where(o => o.Id == order.Id && o.MeterStartWh == null).ExecuteUpdateAsync(u => u
                .SetProperty(o => o.MeterStartWh, meterStartWh)
                .SetProperty(o => o.StartedAt, at.UtcDateTime), ct); // the pile's start, not when the console heard it accepted
        powerSpread.Request(order.StationId); // the station's power limit now has one more gun to share
        return new OcppStartAnswer("Accepted", (int)order.Id);
    }

    /// <summary>What an Authorize of <paramref name="idTag"/> gets: Accepted for a card registered to a user.</summary>
    public async Task<string> AuthorizeAsync(string pileCode, string idTag, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AppUsers.Where(u => u.CardNumber == idTag).Select(u => (bool?)u.Disabled).FirstOrDefaultAsync(ct) switch
        {
            false => "Accepted",
            true => "Blocked",
            null => "Invalid",
        };
    }

    private async Task<(string Status, Data.Entities.ChargingOrder? Order)> CardStartAsync(ChargeDbContext db, string gunCode, string idTag, CancellationToken ct)
    {
        var userId = await db.AppUsers.Where(u => u.CardNumber == idTag).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is null) return ("Invalid", null);
        var (refusal, reservation) = await charging.ReserveAsync(userId.Value, gunCode, Data.Entities.StartSource.Card, idTag, null, ct);
        if (refusal is not null)
        {
            log.LogInformation("OCPP card start on {Gun} refused: {Why}", gunCode, refusal.Message);
            return ("Blocked", null);
        }
        return ("Accepted", await db.ChargingOrders.SingleAsync(o => o.Id == reservation!.Order.Id, ct));
    }

    public async Task<OcppLiveBill?> OnMeterValuesAsync(string pileCode, int connector, int? transactionId, IReadOnlyList<OcppReading> readings, CancellationToken ct)
    {
        if (transactionId is not { } id || readings.Count == 0) return null;
        var order = await FindAsync(pileCode, id, ct);
        if (order?.MeterStartWh is not { } meterStart || order.Tariff is null) return null;
        OcppLiveBill? bill = null;
        var tariff = TariffSnapshot.Parse(order.Tariff);
        var samples = await SamplesAsync(order, ct);
        foreach (var reading in readings.Where(r => r.EnergyWh is not null))
        {
            var energy = Energy.FromUnits(Math.Max(0, (reading.EnergyWh!.Value - meterStart) * 10));
            samples.Add(new MeterSample(ChinaTime.ToChina(reading.At.UtcDateTime), energy));
            var amount = ChargeCalculator.Price(tariff.Tariff, ChargeCalculator.Split(tariff.Schedule, samples)).Total;
            var minutes = (ushort)Math.Clamp((reading.At.UtcDateTime - (order.StartedAt ?? order.CreatedAt)).TotalMinutes, 0, ushort.MaxValue);
            // As a YKC pile's 0x13 would say it: the order's live energy, amount, power and SOC, and the gun charging.
            var realtime = new RealtimeData(order.Serial, pileCode, (byte)connector, 3, 0, 1,
                (ushort)Math.Clamp((reading.Volts ?? 0) * 10, 0, ushort.MaxValue), (ushort)Math.Clamp((reading.Amps ?? 0) * 10, 0, ushort.MaxValue),
                0, "", (byte)(reading.Soc ?? 0), 0, minutes, 0, (uint)Math.Clamp(energy.Units, 0, uint.MaxValue), 0,
                (uint)Math.Clamp(amount.Fen * 100, 0, uint.MaxValue), 0);
            await sink.OnGunConditionAsync(pileCode, connector, Devices.Cluster.GunCondition.Charging, null, ct);
            await telemetry.OnRealtimeAsync(pileCode, realtime, ct, reading.At.UtcDateTime);
            bill = new OcppLiveBill(energy.Units / 10_000m, amount.Fen / 100m);
        }
        return bill;
    }

    public async Task<bool> StopAsync(string pileCode, OcppStop stop, CancellationToken ct)
    {
        var order = await FindAsync(pileCode, stop.TransactionId, ct);
        var record = order is { MeterStartWh: not null, Tariff: not null } ? await RecordAsync(pileCode, order, stop, ct) : Unexpected(pileCode, stop);
        var confirm = await sink.OnMessageAsync(pileCode, record, ct) as TransactionConfirm;
        if (confirm is not null && order is not null) powerSpread.Request(order.StationId); // its share goes to the others
        return confirm is not null;
    }

    /// <summary>The order's transaction record as a YKC pile would have sent it, priced by the console.</summary>
    private async Task<TransactionRecord> RecordAsync(string pileCode, OrderView order, OcppStop stop, CancellationToken ct)
    {
        var tariff = TariffSnapshot.Parse(order.Tariff!);
        var meterStart = order.MeterStartWh!.Value;
        var samples = await SamplesAsync(order, ct);
        samples.AddRange(stop.Data.Where(r => r.EnergyWh is not null)
            .Select(r => new MeterSample(ChinaTime.ToChina(r.At.UtcDateTime), Energy.FromUnits(Math.Max(0, (r.EnergyWh!.Value - meterStart) * 10)))));
        var total = Energy.FromUnits(Math.Max(0, (stop.MeterStopWh - meterStart) * 10));
        samples.Add(new MeterSample(ChinaTime.ToChina(stop.At.UtcDateTime), total));
        samples.Sort((a, b) => a.ChinaTime.CompareTo(b.ChinaTime));
        var energies = ChargeCalculator.Split(tariff.Schedule, samples);
        var bill = ChargeCalculator.Price(tariff.Tariff, energies);
        var periods = bill.Periods.Select(p => new PeriodUsage((uint)p.UserPrice.Units, (uint)p.Energy.Units, 0,
            (uint)Math.Round((p.ElectricityFee + p.ServiceFee) * 10_000m))).ToList();
        var start = ChinaTime.ToChina(order.StartedAt ?? order.CreatedAt);
        var end = ChinaTime.ToChina(stop.At.UtcDateTime);
        return new TransactionRecord(order.Serial, pileCode, byte.Parse(order.GunCode[^2..]), start, end, periods,
            meterStart * 10, stop.MeterStopWh * 10, (uint)total.Units, 0, (uint)(bill.Total.Fen * 100), "", 0x01, end, StopCode(stop.Reason), NoCard);
    }

    /// <summary>A StopTransaction for a transaction the console never started: a record with a serial of its own, held for review.</summary>
    private static TransactionRecord Unexpected(string pileCode, OcppStop stop)
    {
        var end = ChinaTime.ToChina(stop.At.UtcDateTime);
        var serial = $"{pileCode}{stop.Connector ?? 0:00}{(uint)stop.TransactionId % 10_000_000_000_000_000L:0000000000000000}";
        var energy = (uint)Math.Clamp(stop.MeterStopWh * 10, 0, uint.MaxValue);
        var periods = new[] { new PeriodUsage(0, 0, 0, 0), new PeriodUsage(0, 0, 0, 0), new PeriodUsage(0, energy, 0, 0), new PeriodUsage(0, 0, 0, 0) };
        return new TransactionRecord(serial, pileCode, (byte)(stop.Connector ?? 1), end, end, periods, 0, 0, energy, 0, 0, "", 0x01, end, StopCode(stop.Reason), NoCard);
    }

    private static byte StopCode(string? reason) => reason switch
    {
        "Remote" or null => 0x40,
        "Local" => 0x45,
        "EVDisconnected" => 0x4B,
        "EmergencyStop" => 0x50,
        _ => 0x46,
    };

    private async Task<OrderView?> FindAsync(string pileCode, int transactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChargingOrders.AsNoTracking()
            .Where(o => o.Id == transactionId && o.GunCode.StartsWith(pileCode) && o.TransactionSerial != null)
            .Select(o => new OrderView(o.Id, o.TransactionSerial!, o.GunCode, o.CreatedAt, o.StartedAt, o.MeterStartWh, o.Tariff, o.StationId))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The order's start and the samples kept so far (its reports), in China time, oldest first.</summary>
    private async Task<List<MeterSample>> SamplesAsync(OrderView order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = await db.ChargingReports.AsNoTracking().Where(r => r.ChargingOrderId == order.Id)
            .OrderBy(r => r.SampledAt).Select(r => new { r.SampledAt, r.Energy }).ToListAsync(ct);
        var samples = new List<MeterSample> { new(ChinaTime.ToChina(order.StartedAt ?? order.CreatedAt), Energy.Zero) };
        samples.AddRange(reports.Select(r => new MeterSample(ChinaTime.ToChina(r.SampledAt), r.Energy)));
        return samples;
    }
}
