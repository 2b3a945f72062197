using ChargeConsole.Devices.Cluster;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>An OCPP connector status in the console's gun terms.</summary>
public static class OcppStatus
{
    public static GunCondition ConditionOf(string status) => status switch
    {
        "Available" => GunCondition.Idle,
        "Preparing" or "Finishing" => GunCondition.Occupied,
        "Reserved" => GunCondition.Reserved,
        "Charging" or "SuspendedEV" or "SuspendedEVSE" => GunCondition.Charging,
        _ => GunCondition.Fault, // Unavailable, Faulted
    };

    /// <summary>What an operator reads for a connector out of service: the status, the OCPP error and the vendor's own code.</summary>
    public static string? FaultText(string status, string errorCode, string? vendorErrorCode)
    {
        if (status is not ("Faulted" or "Unavailable")) return null;
        var what = status == "Unavailable" ? "不可用" : "故障";
        var code = errorCode == "NoError" ? "" : $"（{errorCode}）";
        var vendor = string.IsNullOrEmpty(vendorErrorCode) ? "" : $"，厂商代码 {vendorErrorCode}";
        return $"OCPP {what}{code}{vendor}";
    }
}
