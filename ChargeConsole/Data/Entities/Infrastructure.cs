using ChargeConsole.Domain.Revenue;
using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

/// <summary>A console account (operator, admin or investor).</summary>
public class ConsoleUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<StationInvestor> Stations { get; set; } = [];
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Investor = "Investor";
    public const string Staff = Admin + "," + Operator;
    public const string Any = Admin + "," + Operator + "," + Investor;
    public static readonly string[] All = [Admin, Operator, Investor];
}

/// <summary>Which part of a settled order is split between investors and the platform.</summary>

public enum PileType { DC = 0, AC = 1 }

public enum PileProtocol { Ykc15 = 15, Ykc16 = 16 }

public enum GunStatus { Offline = 0, Idle = 1, Charging = 2, Fault = 3, Occupied = 4, Reserved = 5 }

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
    public string? FirmwareVersion { get; set; }
    /// <summary>Set when the pile asked for a billing model and none was in effect.</summary>
    public bool MissingBillingTemplate { get; set; }
    /// <summary>The billing-model number the pile last confirmed.</summary>
    public int? BillingModelNumber { get; set; }
    public DateTime CreatedAt { get; set; }
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
}

/// <summary>Anything that belongs to one station, so investor scoping can filter it in one place.</summary>
public interface IStationOwned
{
    int StationId { get; }
}

/// <summary>
/// A money action a person or client may repeat (a double click, a retry): its request id, unique, with the outcome
/// it had. Written in the same transaction as the money it describes, so a repeat finds it and acts no more.
/// </summary>
public class OperationRequest
{
    public long Id { get; set; }
    public string RequestId { get; set; } = "";
    public string Action { get; set; } = "";
    public bool Succeeded { get; set; }
    public string Result { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Sign-in tries counted in the database, so every node sees the same count: per account and client address, and per
/// address alone (SignInThrottle). A window starts with its first try and is forgotten after it.
/// </summary>
public class SignInAttempt
{
    /// <summary>"a:{address}" or "u:{user}|{address}".</summary>
    public string Key { get; set; } = "";
    public int Tries { get; set; }
    public DateTime WindowStart { get; set; }
}

public enum JobState { Running = 0, Done = 1, Failed = 2 }

/// <summary>
/// A console-wide background job's progress in the database, so a page on any node shows it and a node that stops
/// half-way is taken over when its lease runs out (the revenue backfill after an upgrade, say).
/// </summary>
public class JobProgress
{
    public string Key { get; set; } = "";
    public JobState State { get; set; }
    public long Done { get; set; }
    public long Total { get; set; }
    public string? Message { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

public class AuditLog
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public bool Succeeded { get; set; }
    public string Result { get; set; } = "";
}

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

public class BillingTemplate
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int ElectricityPriceId { get; set; }
    public ElectricityPrice ElectricityPrice { get; set; } = null!;
    public Price SharpServiceFee { get; set; }
    public Price PeakServiceFee { get; set; }
    public Price FlatServiceFee { get; set; }
    public Price ValleyServiceFee { get; set; }
    /// <summary>48 characters '0'..'3', one per half hour from 00:00: the period (尖峰平谷) of each slot.</summary>
    public string Slots { get; set; } = new('2', 48);
    /// <summary>YKC billing-model number; bumped on every saved change.</summary>
    public int ModelNumber { get; set; } = 1;
    public string? Remark { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum BillingSyncStatus { Pending = 0, Sent = 1, Succeeded = 2, Failed = 3 }

public class BillingSyncLog
{
    public long Id { get; set; }
    public int PileId { get; set; }
    public string PileCode { get; set; } = "";
    public int BillingTemplateId { get; set; }
    public BillingTemplate BillingTemplate { get; set; } = null!;
    public int ModelNumber { get; set; }
    public BillingSyncStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
