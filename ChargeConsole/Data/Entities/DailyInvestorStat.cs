namespace ChargeConsole.Data.Entities;

/// <summary>One investor's part of one station's settled orders on one China day, in fen.</summary>
public class DailyInvestorStat : IDailyStationFigure
{
    public DateOnly Day { get; set; }
    public int StationId { get; set; }
    public string InvestorId { get; set; } = "";
    public int Orders { get; set; }
    public long SplitBase { get; set; }
    public long Amount { get; set; }
}
