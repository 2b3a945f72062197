namespace ChargeConsole.Data.Entities;

/// <summary>
/// How many times one gun went into fault on one China day: 充电统计's faults over a period. Counted by the pile
/// host as it records a gun's move into fault, so a gun flapping all day is one row, not thousands.
/// </summary>
public class DailyGunFault : IDailyStationFigure
{
    public DateOnly Day { get; set; }
    public int GunId { get; set; }
    public int StationId { get; set; }
    public int Faults { get; set; }
}
