using ChargeConsole.Domain.Wallets;

namespace ChargeConsole.Data.Entities;

/// <summary>A console-wide setting any node reads (e.g. whether withdrawals are on and their fee).</summary>
public class SystemSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
