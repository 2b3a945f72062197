using ChargeConsole.Domain.Revenue;

namespace ChargeConsole.Features.Stations;

public sealed class StationForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsOpen { get; set; } = true;
    public SplitBasis SplitBase { get; set; }
    public int? BillingTemplateId { get; set; }
    public IReadOnlyCollection<int> TagIds { get; set; } = [];
    public string? Remark { get; set; }
    /// <summary>Address ranges (CIDR) its piles may log in from; empty: any.</summary>
    public string? AllowedNetworks { get; set; }
    /// <summary>The most its OCPP guns may draw together (kW), spread over those charging; null: no limit.</summary>
    public decimal? PowerLimitKw { get; set; }
    /// <summary>The station's investors and their shares (percent, 2 decimals, together at most 100).</summary>
    public List<StationShareForm> Investors { get; set; } = [];
}

public sealed class StationShareForm
{
    public string? InvestorId { get; set; }
    public decimal? SharePercent { get; set; }
}

public sealed record InvestorOption(string Id, string Name);
