
namespace ChargeConsole.Data.Entities;

public class AppUser
{
    public int Id { get; set; }
    public string Phone { get; set; } = "";
    public string Nickname { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public bool Disabled { get; set; }
    /// <summary>When and where the user's first charge was settled: an investor's 新增用户 are those who first charged at their stations.</summary>
    public DateTime? FirstChargeAt { get; set; }
    public int? FirstChargeStationId { get; set; }
    /// <summary>Physical charging card number (8 bytes as hex), for pile-initiated starts.</summary>
    public string? CardNumber { get; set; }
    public Wallet Wallet { get; set; } = null!;
    public List<Vehicle> Vehicles { get; set; } = [];
}
