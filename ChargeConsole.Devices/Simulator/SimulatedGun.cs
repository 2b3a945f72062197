using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Devices.Simulator;

public sealed class SimulatedGun(byte number)
{
    public byte Number { get; } = number;
    public bool PluggedIn { get; set; }
    public ushort FaultBits { get; set; }
    public ChargingSession? Session { get; set; }
    public TransactionRecord? PendingRecord { get; set; }
    /// <summary>The meter's running total, kWh ×10⁴.</summary>
    public long MeterReading { get; set; } = 1_000_000;
    internal DateTime LastReportAt { get; set; }
    /// <summary>When the driver will unplug after the last charge (see SimulatedPileOptions.UnplugAfterCharge).</summary>
    internal DateTime? UnplugAt { get; set; }
    internal long HeartbeatSentAt { get; set; }

    private const string NoOrder = "00000000000000000000000000000000";

    internal RealtimeData Realtime(string pileCode, bool isAc)
    {
        var s = Session;
        var status = FaultBits != 0 ? (byte)1 : s is null ? (byte)2 : (byte)3;
        return new RealtimeData(
            s?.Serial ?? NoOrder, pileCode, Number, status, Holstered: PluggedIn ? (byte)0 : (byte)1, PluggedIn: PluggedIn ? (byte)1 : (byte)0,
            VoltageDeciV: (ushort)(s is null ? 0 : isAc ? 2200 : 3800), CurrentDeciA: (ushort)(s is null ? 0 : Math.Min(ushort.MaxValue, s.PowerKw * 10000 / (isAc ? 220 : 380))), // the field's ceiling: 6553.5 A
            CableTemp: (byte)(s is null ? 0 : 50 + 30), CableCode: "0000000000000000", Soc: (byte)(isAc || s is null ? 0 : s.Soc), BatteryMaxTemp: (byte)(isAc || s is null ? 0 : 50 + 28),
            ChargingMinutes: (ushort)(s?.Minutes ?? 0), RemainingMinutes: (ushort)(isAc || s is null ? 0 : Math.Max(0, (100 - s.Soc) * 2)),
            Energy: (uint)(s?.Energy ?? 0), LossEnergy: (uint)(s?.Energy ?? 0), Amount: (uint)(s?.AmountUnits ?? 0), FaultBits: FaultBits);
    }
}

/// <summary>One charge on a simulated gun: energy accrues per billing period of the pile's own model.</summary>
/// <param name="balanceFen">the balance the platform gave at start (0x34/0x32); the pile stops when the amount reaches it</param>
public sealed class ChargingSession(string serial, DateTime startedUtc, int soc, decimal maxPowerKw, bool isAc, long meterStart, long? balanceFen = null)
{
    public string Serial { get; } = serial;
    public DateTime StartedUtc { get; } = startedUtc;
    public long MeterStart { get; } = meterStart;
    public double Soc { get; private set; } = soc;
    public decimal PowerKw { get; private set; }
    /// <summary>Energy so far, kWh ×10⁴, and per period (sharp, peak, flat, valley).</summary>
    public long Energy => PeriodEnergy.Sum();
    public long[] PeriodEnergy { get; } = new long[4];
    /// <summary>Minutes of charging so far, as the pile reports them.</summary>
    public int Minutes => (int)(_lastAccrual - StartedUtc).TotalMinutes;
    public bool Full => !isAc && Soc >= 100;
    /// <summary>The amount has reached the balance the platform gave: a real pile stops here (余额不足).</summary>
    public bool BalanceReached => balanceFen is { } fen && AmountUnits >= fen * 100;
    private DateTime _lastAccrual = startedUtc;
    private double _carry;

    /// <summary>Amount so far, yuan ×10⁴: Σ period energy × (electricity + service fee), as the pile prices it.</summary>
    public long AmountUnits { get; private set; }

    /// <summary>Energy in real time at the pile's power: what a real pile of <paramref name="ratedKw"/> could deliver, no more.</summary>
    internal void Accrue(DateTime nowUtc, decimal ratedKw, BillingModel? model)
    {
        var seconds = (nowUtc - _lastAccrual).TotalSeconds;
        if (seconds <= 0) return;
        // DC tapers above 80 % SOC; AC draws its rating.
        var taper = isAc || Soc < 80 ? 1m : (decimal)Math.Max(0.2, (100 - Soc) / 20);
        PowerKw = Math.Min(maxPowerKw, ratedKw) * taper * (0.95m + (decimal)Random.Shared.NextDouble() * 0.05m);
        var units = (double)PowerKw * seconds / 3600 * 10_000 + _carry;
        var whole = (long)units;
        _carry = units - whole;
        var chinaTime = nowUtc.AddHours(8);
        var period = model?.Slots[chinaTime.Hour * 2 + chinaTime.Minute / 30] ?? 2;
        PeriodEnergy[period] += whole;
        if (!isAc) Soc = Math.Min(100, Soc + whole / 10_000.0 / 0.6); // a 60 kWh battery
        AmountUnits = Amount(model);
        _lastAccrual = nowUtc;
    }

    private long Amount(BillingModel? model)
    {
        if (model is null) return 0;
        long total = 0;
        for (var p = 0; p < 4; p++)
        {
            var price = model.Rates[p].Electricity + model.Rates[p].Service; // ×10⁵ per kWh
            total += PeriodEnergy[p] * price / 100_000; // kWh×10⁴ × yuan×10⁵ / 10⁵ = yuan×10⁴
        }
        return total;
    }

    internal TransactionRecord ToRecord(string pileCode, byte gun, byte stopReason, BillingModel? model)
    {
        var end = _lastAccrual;
        var periods = Enumerable.Range(0, 4).Select(p =>
        {
            var price = model is null ? 0u : model.Rates[p].Electricity + model.Rates[p].Service;
            return new PeriodUsage(price, (uint)PeriodEnergy[p], (uint)PeriodEnergy[p], (uint)(PeriodEnergy[p] * price / 100_000));
        }).ToList();
        return new TransactionRecord(Serial, pileCode, gun, StartedUtc.AddHours(8), end.AddHours(8), periods, MeterStart, MeterStart + Energy,
            (uint)Energy, (uint)Energy, (uint)periods.Sum(p => p.Amount), "", 0x01, end.AddHours(8), stopReason, "0000000000000000");
    }
}
