using System.Globalization;
using System.Text.Json;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>One meter sample of an OCPP MeterValue, in the console's units (null where the pile did not say).</summary>
public sealed record OcppReading(DateTimeOffset At, long? EnergyWh, decimal? PowerKw, decimal? Volts, decimal? Amps, int? Soc);

/// <param name="TransactionId">the console's order id, as the pile was given it</param>
public sealed record OcppStop(int TransactionId, int? Connector, long MeterStopWh, DateTimeOffset At, string? Reason, IReadOnlyList<OcppReading> Data);

/// <summary>A running transaction's energy so far and what it costs so far.</summary>
public sealed record OcppLiveBill(decimal Kwh, decimal AmountYuan);

/// <summary>The answer to a StartTransaction: the idTag's status and the transaction id (0 when refused).</summary>
public sealed record OcppStartAnswer(string Status, int TransactionId);

/// <summary>What the console records of an OCPP charge point itself (the web app implements it).</summary>
public interface IOcppPileRecords
{
    /// <summary>A BootNotification: records the firmware the pile names, and answers Accepted, or Pending while its
    /// station is out of operation (the pile boots again after the interval).</summary>
    Task<string> BootAsync(string pileCode, string? firmware, CancellationToken ct);

    /// <summary>A FirmwareStatusNotification (<paramref name="firmware"/>) or DiagnosticsStatusNotification: shown on the pile.</summary>
    Task OnMaintenanceStatusAsync(string pileCode, bool firmware, string status, CancellationToken ct);
}

/// <summary>What the console does with an OCPP charge point's transactions (the web app implements it: orders, money).</summary>
public interface IOcppTransactions
{

    /// <summary>The idTagInfo status of an Authorize: Accepted, Blocked, Expired or Invalid.</summary>
    Task<string> AuthorizeAsync(string pileCode, string idTag, CancellationToken ct);

    Task<OcppStartAnswer> StartAsync(string pileCode, int connector, string idTag, long meterStartWh, DateTimeOffset at, CancellationToken ct);

    /// <summary>Live energy and amount of the transaction after these readings; null when none is running.</summary>
    Task<OcppLiveBill?> OnMeterValuesAsync(string pileCode, int connector, int? transactionId, IReadOnlyList<OcppReading> readings, CancellationToken ct);

    /// <summary>Settles (or holds for review) the transaction; false when it could not be recorded now (the pile resends).</summary>
    Task<bool> StopAsync(string pileCode, OcppStop stop, CancellationToken ct);
}

/// <summary>Reads OCPP MeterValue arrays (already checked against the schema) into <see cref="OcppReading"/>s.</summary>
public static class OcppMeter
{
    public static IReadOnlyList<OcppReading> Read(JsonElement meterValues)
    {
        var readings = new List<OcppReading>();
        foreach (var value in meterValues.EnumerateArray())
        {
            OcppSchema.TryReadTime(value.GetProperty("timestamp").GetString()!, out var at);
            long? energy = null; decimal? power = null, volts = null, amps = null; int? soc = null;
            foreach (var sample in value.GetProperty("sampledValue").EnumerateArray())
            {
                var measurand = sample.TryGetProperty("measurand", out var m) ? m.GetString() : "Energy.Active.Import.Register";
                var unit = sample.TryGetProperty("unit", out var u) ? u.GetString() : null;
                if (sample.TryGetProperty("phase", out _)) continue; // per-phase values: the totals are what the console shows
                if (!decimal.TryParse(sample.GetProperty("value").GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    throw new OcppFormatException(OcppErrorCode.PropertyConstraintViolation, $"{measurand} 的值不是数字");
                switch (measurand)
                {
                    case "Energy.Active.Import.Register": energy = (long)Math.Round(unit == "kWh" ? number * 1000 : number); break;
                    case "Power.Active.Import": power = unit == "W" || unit is null ? number / 1000 : number; break;
                    case "Voltage": volts = number; break;
                    case "Current.Import": amps = number; break;
                    case "SoC": soc = (int)Math.Clamp(Math.Round(number), 0, 100); break;
                }
            }
            readings.Add(new OcppReading(at, energy, power, volts, amps, soc));
        }
        return readings;
    }
}
