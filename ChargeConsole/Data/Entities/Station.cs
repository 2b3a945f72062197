using ChargeConsole.Domain.Revenue;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

public class Station
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? ContactPhone { get; set; }
    public string? Remark { get; set; }
    public bool IsOpen { get; set; } = true;
    /// <summary>The most the station's OCPP guns may draw together, spread over those charging (SmartCharging); null: no limit.</summary>
    public decimal? PowerLimitKw { get; set; }
    public SplitBasis SplitBase { get; set; }
    /// <summary>Optional CIDR ranges its piles may log in from (Domain.Piles.AllowedNetworks); null allows any.</summary>
    public string? AllowedNetworks { get; set; }
    public int? BillingTemplateId { get; set; }
    public BillingTemplate? BillingTemplate { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Pile> Piles { get; set; } = [];
    public List<StationInvestor> Investors { get; set; } = [];
    public List<StationTag> Tags { get; set; } = [];
}

/// <summary>An investor's share of one station's revenue, in percent (2 decimals).</summary>
public class StationInvestor
{
    public int StationId { get; set; }
    public Station Station { get; set; } = null!;
    public string InvestorId { get; set; } = "";
    public ConsoleUser Investor { get; set; } = null!;
    public decimal SharePercent { get; set; }
}

/// <summary>Anything that belongs to one station, so investor scoping can filter it in one place.</summary>
public interface IStationOwned
{
    int StationId { get; }
}
