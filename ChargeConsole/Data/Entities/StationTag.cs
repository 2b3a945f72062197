using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public class StationTag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public List<Station> Stations { get; set; } = [];
}
