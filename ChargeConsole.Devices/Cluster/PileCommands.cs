namespace ChargeConsole.Devices.Cluster;

/// <summary>
/// What the console asks of a pile, in no protocol's words: the node holding the pile's connection turns it into
/// that protocol's frames (YKC today, OCPP later). Serializable, so any node can send it through the pile's grain.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record PileCommand;

/// <param name="TransactionSerial">the order's transaction number the pile reports the charge under</param>
/// <param name="LimitFen">the most the charge may cost (the wallet's balance), in fen</param>
[GenerateSerializer, Immutable]
public sealed record StartCharge([property: Id(0)] byte Gun, [property: Id(1)] string TransactionSerial,
    [property: Id(2)] string LogicalCard, [property: Id(3)] string PhysicalCard, [property: Id(4)] uint LimitFen) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record StopCharge([property: Id(0)] byte Gun) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record RebootPile([property: Id(0)] bool WhenIdle) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record SetClock([property: Id(0)] DateTime ChinaTime) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record SetWorkParameters([property: Id(0)] bool Disabled, [property: Id(1)] byte MaxPowerPercent) : PileCommand;

/// <summary>Asks for a gun's present reading (status, meter, power).</summary>
[GenerateSerializer, Immutable]
public sealed record ReadGun([property: Id(0)] byte Gun) : PileCommand;

/// <summary>Unlocks a gun's connector at the pile, so a driver can take the cable out (OCPP UnlockConnector).</summary>
[GenerateSerializer, Immutable]
public sealed record UnlockGun([property: Id(0)] byte Gun) : PileCommand;

/// <summary>Reads the pile's configuration keys (OCPP GetConfiguration); no keys reads them all.</summary>
[GenerateSerializer, Immutable]
public sealed record ReadSettings([property: Id(0)] string[] Keys) : PileCommand;

/// <summary>Sets one configuration key (OCPP ChangeConfiguration).</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeSetting([property: Id(0)] string Key, [property: Id(1)] string Value) : PileCommand;

/// <summary>Empties the pile's own cache of authorised cards (OCPP ClearCache).</summary>
[GenerateSerializer, Immutable]
public sealed record ClearAuthCache : PileCommand;

/// <summary>Replaces the pile's local list of authorised cards (OCPP SendLocalList, Full) with this version.</summary>
[GenerateSerializer, Immutable]
public sealed record SendAuthList([property: Id(0)] int Version, [property: Id(1)] string[] Cards) : PileCommand;

/// <summary>Asks the pile to fetch and install firmware from <paramref name="Location"/> from <paramref name="RetrieveAtUtc"/> on.</summary>
[GenerateSerializer, Immutable]
public sealed record UpdateFirmware([property: Id(0)] string Location, [property: Id(1)] DateTime RetrieveAtUtc) : PileCommand;

/// <summary>Asks the pile to upload its diagnostics file to <paramref name="Location"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record UploadDiagnostics([property: Id(0)] string Location) : PileCommand;

/// <summary>Holds a gun for one card until <paramref name="ExpiresUtc"/> (OCPP ReserveNow).</summary>
[GenerateSerializer, Immutable]
public sealed record ReserveGun([property: Id(0)] byte Gun, [property: Id(1)] int ReservationId, [property: Id(2)] string IdTag,
    [property: Id(3)] DateTime ExpiresUtc) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record CancelReservation([property: Id(0)] int ReservationId) : PileCommand;

/// <summary>Caps a gun's power (OCPP SetChargingProfile, TxDefaultProfile) at <paramref name="LimitWatts"/>; null lifts the cap.</summary>
[GenerateSerializer, Immutable]
public sealed record LimitGunPower([property: Id(0)] byte Gun, [property: Id(1)] int? LimitWatts) : PileCommand;

/// <summary>A time-of-use tariff for the pile: four period prices (1/100000 yuan per kWh) and the period of each half hour.</summary>
[GenerateSerializer, Immutable]
public sealed record PushTariff([property: Id(0)] int ModelNumber, [property: Id(1)] TariffRate[] Rates,
    [property: Id(2)] byte LossRatio, [property: Id(3)] byte[] HalfHourPeriods) : PileCommand;

[GenerateSerializer, Immutable]
public sealed record TariffRate([property: Id(0)] uint Electricity, [property: Id(1)] uint Service);

public enum CommandStatus { Acknowledged, Refused, TimedOut, Offline }

/// <summary>What a gun reports of itself, in no protocol's codes.</summary>
public enum GunCondition { Fault, Idle, Occupied, Charging, Reserved }

[GenerateSerializer, Immutable]
public sealed record GunReading(
    [property: Id(0)] GunCondition Condition, [property: Id(1)] decimal Volts, [property: Id(2)] decimal Amps, [property: Id(3)] decimal Kwh,
    [property: Id(4)] decimal AmountYuan, [property: Id(5)] int Soc, [property: Id(6)] ushort FaultBits);

/// <summary>One configuration key of a pile as it reported it; <paramref name="Value"/> null when it has none.</summary>
[GenerateSerializer, Immutable]
public sealed record PileSetting([property: Id(0)] string Key, [property: Id(1)] string? Value, [property: Id(2)] bool ReadOnly);

/// <summary>What became of a command, in words an operator reads; a gun reading or the pile's settings when asked for.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult([property: Id(0)] CommandStatus Status, [property: Id(1)] string Message, [property: Id(2)] GunReading? Reading = null,
    [property: Id(3)] PileSetting[]? Settings = null, [property: Id(4)] string[]? UnknownKeys = null)
{
    public bool Succeeded => Status == CommandStatus.Acknowledged;
}
