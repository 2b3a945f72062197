using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

public enum PileType { DC = 0, AC = 1 }

/// <summary>The protocol a pile is registered for; only that protocol's connection is let in.</summary>
public enum PileProtocol { Ykc15 = 15, Ykc16 = 16, Ocpp16J = 160 }

public enum GunStatus { Offline = 0, Idle = 1, Charging = 2, Fault = 3, Occupied = 4, Reserved = 5 }

public class Pile : IStationOwned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int StationId { get; set; }
    public Station Station { get; set; } = null!;
    public string Model { get; set; } = "";
    public PileType Type { get; set; }
    /// <summary>Rated power in kW.</summary>
    public decimal PowerKw { get; set; }
    public int GunCount { get; set; }
    public PileProtocol Protocol { get; set; } = PileProtocol.Ykc15;
    public int? BillingTemplateId { get; set; }
    public BillingTemplate? BillingTemplate { get; set; }
    public bool Online { get; set; }
    public DateTime? LastSeenAt { get; set; }
    /// <summary>The node whose connection the pile is on while online: when that node is lost, its piles go offline.</summary>
    public string? ConnectedNode { get; set; }
    public string? FirmwareVersion { get; set; }
    /// <summary>Set when the pile asked for a billing model and none was in effect.</summary>
    public bool MissingBillingTemplate { get; set; }
    /// <summary>The billing-model number the pile last confirmed.</summary>
    public int? BillingModelNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>An OCPP pile's HTTP Basic password (security profile 1), hashed; null lets it connect without one.</summary>
    public string? OcppPasswordHash { get; set; }
    /// <summary>The local authorisation list version the OCPP pile last accepted, and a hash of that list's cards
    /// (a different hash means the cards changed and the list is sent again).</summary>
    public int OcppLocalListVersion { get; set; }
    public string? OcppLocalListHash { get; set; }
    /// <summary>An OCPP pile's last FirmwareStatusNotification / DiagnosticsStatusNotification, and when it came.</summary>
    public string? FirmwareStatus { get; set; }
    public DateTime? FirmwareStatusAt { get; set; }
    public string? DiagnosticsStatus { get; set; }
    public DateTime? DiagnosticsStatusAt { get; set; }
    public List<Gun> Guns { get; set; } = [];
}

public class Gun : IStationOwned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public int PileId { get; set; }
    public Pile Pile { get; set; } = null!;
    /// <summary>Denormalised from the pile so that status queries and scoping need no join.</summary>
    public int StationId { get; set; }
    public GunStatus Status { get; set; }
    public bool PluggedIn { get; set; }
    public bool? Holstered { get; set; }
    public int FaultBits { get; set; }
    public string? FaultText { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    /// <summary>An OCPP reservation (ReserveNow) holding the gun for one card until <see cref="ReservedUntil"/>;
    /// its id is the gun's id, so there is at most one per gun.</summary>
    public string? ReservedFor { get; set; }
    public DateTime? ReservedUntil { get; set; }
}
