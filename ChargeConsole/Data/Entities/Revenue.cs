namespace ChargeConsole.Data.Entities;

/// <summary>
/// One station's settled charging on one China day (UTC+8): written in the transaction that settles or voids an
/// order, so dashboards and reports read a few hundred rows instead of a year of orders. Amounts in fen, energy in
/// kWh×10⁴ (plain numbers, so the database sums them). Rebuilt from the orders by <c>--rebuild-revenue</c>.
/// </summary>
public class DailyStationStat : IStationOwned
{
    public DateOnly Day { get; set; }
    public int StationId { get; set; }
    public int Orders { get; set; }
    public long Energy { get; set; }
    public long ElectricityFee { get; set; }
    public long ServiceFee { get; set; }
    public long Total { get; set; }
    /// <summary>The split base of the day's orders, and the parts of it the investors and the platform got.</summary>
    public long SplitBase { get; set; }
    public long InvestorsAmount { get; set; }
    public long PlatformAmount { get; set; }
}

/// <summary>One investor's part of one station's settled orders on one China day, in fen.</summary>
public class DailyInvestorStat : IStationOwned
{
    public DateOnly Day { get; set; }
    public int StationId { get; set; }
    public string InvestorId { get; set; } = "";
    public int Orders { get; set; }
    public long SplitBase { get; set; }
    public long Amount { get; set; }
}
