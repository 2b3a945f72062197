namespace ChargeConsole.Data.Entities;

/// <summary>A roll-up row of one station's China day, so the reports filter every roll-up the same way.</summary>
public interface IDailyStationFigure : IStationOwned
{
    DateOnly Day { get; }
}

/// <summary>
/// One station's settled charging on one China day (UTC+8): written in the transaction that settles or voids an
/// order, so dashboards and reports read a few hundred rows instead of a year of orders. Amounts in fen, energy in
/// kWh×10⁴ (plain numbers, so the database sums them). Rebuilt from the orders by <c>--rebuild-revenue</c>.
/// </summary>
public class DailyStationStat : IDailyStationFigure
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
