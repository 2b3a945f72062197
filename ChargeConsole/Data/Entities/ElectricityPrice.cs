using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public class ElectricityPrice
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Price Sharp { get; set; }
    public Price Peak { get; set; }
    public Price Flat { get; set; }
    public Price Valley { get; set; }
    public string? Remark { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
