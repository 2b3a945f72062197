
namespace ChargeConsole.Data.Entities;

public class Vehicle
{
    public int Id { get; set; }
    public int AppUserId { get; set; }
    public AppUser AppUser { get; set; } = null!;
    public string Plate { get; set; } = "";
    public string? Vin { get; set; }
    public string? Brand { get; set; }
    public DateTime CreatedAt { get; set; }
}
