using ChargeConsole.Data.Entities;

namespace ChargeConsole.Features.Piles;

public class PileSpec
{
    public string Name { get; set; } = "";
    public int? StationId { get; set; }
    public string Model { get; set; } = "";
    public PileType Type { get; set; }
    public decimal? PowerKw { get; set; }
    public int GunCount { get; set; } = 2;
    public PileProtocol Protocol { get; set; } = PileProtocol.Ykc15;
}

public sealed class PileForm : PileSpec
{
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The pile's own template; null follows its station's.</summary>
    public int? BillingTemplateId { get; set; }
    /// <summary>A new OCPP Basic-auth password; blank keeps the one set (never read back: only its hash is stored).</summary>
    public string? OcppPassword { get; set; }
    public bool ClearOcppPassword { get; set; }
    /// <summary>Whether the pile has a password now (shown in the form).</summary>
    public bool HasOcppPassword { get; set; }
}

/// <summary>Batch add: <see cref="Count"/> piles with consecutive codes <see cref="Prefix"/> + serial from <see cref="FirstSerial"/>.</summary>
public sealed class PileBatchForm : PileSpec
{
    public string Prefix { get; set; } = "";
    public long? FirstSerial { get; set; } = 1;
    public int? Count { get; set; } = 10;
}
