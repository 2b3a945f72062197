namespace ChargeConsole.Data.Entities;

/// <summary>How often something limited (sending an SMS code, per address and in all) happened in one minute, shared by every node.</summary>
public class RateWindow
{
    public string Key { get; set; } = "";
    public DateTime Window { get; set; }
    public int Count { get; set; }
}
