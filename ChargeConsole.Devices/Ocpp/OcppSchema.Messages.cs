namespace ChargeConsole.Devices.Ocpp;

/// <summary>The OCPP 1.6 messages, by action: what a charge point sends (and what the console answers), and what the
/// console sends (and what a charge point answers). From the specification's chapters 6 and 7.</summary>
public static partial class OcppSchema
{
    public static readonly IReadOnlySet<string> ChargePointStatus =
        Set("Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted");

    public static readonly IReadOnlySet<string> ChargePointErrorCode = Set("ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
        "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure", "PowerMeterFailure",
        "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal");

    public static readonly IReadOnlySet<string> Measurand = Set("Current.Export", "Current.Import", "Current.Offered",
        "Energy.Active.Export.Register", "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
        "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval",
        "Frequency", "Power.Active.Export", "Power.Active.Import", "Power.Factor", "Power.Offered", "Power.Reactive.Export",
        "Power.Reactive.Import", "RPM", "SoC", "Temperature", "Voltage");

    public static readonly IReadOnlySet<string> UnitOfMeasure =
        Set("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "Celsius", "Fahrenheit", "K", "Percent");

    private static readonly IReadOnlySet<string> AuthorizationStatus = Set("Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx");
    private static readonly IReadOnlySet<string> AcceptedRejected = Set("Accepted", "Rejected");

    private static readonly Shape SampledValue = new(
        new Text("value", int.MaxValue, Required: true),
        new Choice("context", Set("Interruption.Begin", "Interruption.End", "Other", "Sample.Clock", "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger")),
        new Choice("format", Set("Raw", "SignedData")),
        new Choice("measurand", Measurand),
        new Choice("phase", Set("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1")),
        new Choice("location", Set("Cable", "EV", "Inlet", "Outlet", "Body")),
        new Choice("unit", UnitOfMeasure));

    private static readonly Shape MeterValue = new(new Timestamp("timestamp", Required: true), new ListOf("sampledValue", SampledValue, Required: true, MinItems: 1));

    private static readonly Shape IdTagInfo = new(
        new Timestamp("expiryDate"), new Text("parentIdTag", 20), new Choice("status", AuthorizationStatus, Required: true));

    private static readonly Shape Empty = new();

    private static readonly Shape ChargingSchedule = new(
        new Integer("duration"), new Timestamp("startSchedule"),
        new Choice("chargingRateUnit", Set("A", "W"), Required: true),
        new ListOf("chargingSchedulePeriod", new Shape(new Integer("startPeriod", Required: true, Min: 0), new Number("limit", Required: true), new Integer("numberPhases", Min: 1)), Required: true, MinItems: 1),
        new Number("minChargingRate"));

    private static readonly Shape ChargingProfile = new(
        new Integer("chargingProfileId", Required: true), new Integer("transactionId"), new Integer("stackLevel", Required: true, Min: 0),
        new Choice("chargingProfilePurpose", Set("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"), Required: true),
        new Choice("chargingProfileKind", Set("Absolute", "Recurring", "Relative"), Required: true),
        new Choice("recurrencyKind", Set("Daily", "Weekly")), new Timestamp("validFrom"), new Timestamp("validTo"),
        new Nested("chargingSchedule", ChargingSchedule, Required: true));

    /// <summary>Requests, keyed by action: those a charge point sends and those the console sends.</summary>
    public static readonly IReadOnlyDictionary<string, Shape> Requests = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        // Charge point → console
        ["Authorize"] = new(new Text("idTag", 20, Required: true)),
        ["BootNotification"] = new(new Text("chargePointVendor", 20, Required: true), new Text("chargePointModel", 20, Required: true),
            new Text("chargePointSerialNumber", 25), new Text("chargeBoxSerialNumber", 25), new Text("firmwareVersion", 50),
            new Text("iccid", 20), new Text("imsi", 20), new Text("meterType", 25), new Text("meterSerialNumber", 25)),
        ["DataTransfer"] = new(new Text("vendorId", 255, Required: true), new Text("messageId", 50), new Text("data", 8000)),
        ["DiagnosticsStatusNotification"] = new(new Choice("status", Set("Idle", "Uploaded", "UploadFailed", "Uploading"), Required: true)),
        ["FirmwareStatusNotification"] = new(new Choice("status",
            Set("Downloaded", "DownloadFailed", "Downloading", "Idle", "InstallationFailed", "Installing", "Installed"), Required: true)),
        ["Heartbeat"] = Empty,
        ["MeterValues"] = new(new Integer("connectorId", Required: true, Min: 0), new Integer("transactionId"),
            new ListOf("meterValue", MeterValue, Required: true, MinItems: 1)),
        ["StartTransaction"] = new(new Integer("connectorId", Required: true, Min: 1), new Text("idTag", 20, Required: true),
            new Integer("meterStart", Required: true), new Integer("reservationId"), new Timestamp("timestamp", Required: true)),
        ["StatusNotification"] = new(new Integer("connectorId", Required: true, Min: 0), new Choice("errorCode", ChargePointErrorCode, Required: true),
            new Text("info", 50), new Choice("status", ChargePointStatus, Required: true), new Timestamp("timestamp"),
            new Text("vendorId", 255), new Text("vendorErrorCode", 50)),
        ["StopTransaction"] = new(new Text("idTag", 20), new Integer("meterStop", Required: true), new Timestamp("timestamp", Required: true),
            new Integer("transactionId", Required: true),
            new Choice("reason", Set("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized")),
            new ListOf("transactionData", MeterValue)),
        // Console → charge point
        ["CancelReservation"] = new(new Integer("reservationId", Required: true)),
        ["ChangeAvailability"] = new(new Integer("connectorId", Required: true, Min: 0), new Choice("type", Set("Inoperative", "Operative"), Required: true)),
        ["ChangeConfiguration"] = new(new Text("key", 50, Required: true), new Text("value", 500, Required: true)),
        ["ClearCache"] = Empty,
        ["ClearChargingProfile"] = new(new Integer("id"), new Integer("connectorId", Min: 0),
            new Choice("chargingProfilePurpose", Set("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile")), new Integer("stackLevel", Min: 0)),
        ["GetCompositeSchedule"] = new(new Integer("connectorId", Required: true, Min: 0), new Integer("duration", Required: true, Min: 0), new Choice("chargingRateUnit", Set("A", "W"))),
        ["GetConfiguration"] = new(new TextList("key", 50)),
        ["GetDiagnostics"] = new(new Text("location", 2000, Required: true), new Integer("retries", Min: 0), new Integer("retryInterval", Min: 0),
            new Timestamp("startTime"), new Timestamp("stopTime")),
        ["GetLocalListVersion"] = Empty,
        ["RemoteStartTransaction"] = new(new Integer("connectorId", Min: 1), new Text("idTag", 20, Required: true), new Nested("chargingProfile", ChargingProfile)),
        ["RemoteStopTransaction"] = new(new Integer("transactionId", Required: true)),
        ["ReserveNow"] = new(new Integer("connectorId", Required: true, Min: 0), new Timestamp("expiryDate", Required: true), new Text("idTag", 20, Required: true),
            new Text("parentIdTag", 20), new Integer("reservationId", Required: true)),
        ["Reset"] = new(new Choice("type", Set("Hard", "Soft"), Required: true)),
        ["SendLocalList"] = new(new Integer("listVersion", Required: true),
            new ListOf("localAuthorizationList", new Shape(new Text("idTag", 20, Required: true), new Nested("idTagInfo", IdTagInfo))),
            new Choice("updateType", Set("Differential", "Full"), Required: true)),
        ["SetChargingProfile"] = new(new Integer("connectorId", Required: true, Min: 0), new Nested("csChargingProfiles", ChargingProfile, Required: true)),
        ["TriggerMessage"] = new(new Choice("requestedMessage", Set("BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
            "Heartbeat", "MeterValues", "StatusNotification"), Required: true), new Integer("connectorId", Min: 0)),
        ["UnlockConnector"] = new(new Integer("connectorId", Required: true, Min: 1)),
        ["UpdateFirmware"] = new(new Text("location", 2000, Required: true), new Integer("retries", Min: 0), new Timestamp("retrieveDate", Required: true),
            new Integer("retryInterval", Min: 0)),
    };

    /// <summary>Confirmations (CALLRESULT payloads), keyed by the action they answer.</summary>
    public static readonly IReadOnlyDictionary<string, Shape> Confirmations = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["Authorize"] = new(new Nested("idTagInfo", IdTagInfo, Required: true)),
        ["BootNotification"] = new(new Choice("status", Set("Accepted", "Pending", "Rejected"), Required: true),
            new Timestamp("currentTime", Required: true), new Integer("interval", Required: true, Min: 0)),
        ["DataTransfer"] = new(new Choice("status", Set("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId"), Required: true), new Text("data", 8000)),
        ["DiagnosticsStatusNotification"] = Empty,
        ["FirmwareStatusNotification"] = Empty,
        ["Heartbeat"] = new(new Timestamp("currentTime", Required: true)),
        ["MeterValues"] = Empty,
        ["StartTransaction"] = new(new Nested("idTagInfo", IdTagInfo, Required: true), new Integer("transactionId", Required: true)),
        ["StatusNotification"] = Empty,
        ["StopTransaction"] = new(new Nested("idTagInfo", IdTagInfo)),
        ["CancelReservation"] = new(new Choice("status", AcceptedRejected, Required: true)),
        ["ChangeAvailability"] = new(new Choice("status", Set("Accepted", "Rejected", "Scheduled"), Required: true)),
        ["ChangeConfiguration"] = new(new Choice("status", Set("Accepted", "Rejected", "RebootRequired", "NotSupported"), Required: true)),
        ["ClearCache"] = new(new Choice("status", AcceptedRejected, Required: true)),
        ["ClearChargingProfile"] = new(new Choice("status", Set("Accepted", "Unknown"), Required: true)),
        ["GetCompositeSchedule"] = new(new Choice("status", AcceptedRejected, Required: true), new Integer("connectorId"),
            new Timestamp("scheduleStart"), new Nested("chargingSchedule", ChargingSchedule)),
        ["GetConfiguration"] = new(
            new ListOf("configurationKey", new Shape(new Text("key", 50, Required: true), new Flag("readonly", Required: true), new Text("value", 500))),
            new TextList("unknownKey", 50)),
        ["GetDiagnostics"] = new(new Text("fileName", 255)),
        ["GetLocalListVersion"] = new(new Integer("listVersion", Required: true)),
        ["RemoteStartTransaction"] = new(new Choice("status", AcceptedRejected, Required: true)),
        ["RemoteStopTransaction"] = new(new Choice("status", AcceptedRejected, Required: true)),
        ["ReserveNow"] = new(new Choice("status", Set("Accepted", "Faulted", "Occupied", "Rejected", "Unavailable"), Required: true)),
        ["Reset"] = new(new Choice("status", AcceptedRejected, Required: true)),
        ["SendLocalList"] = new(new Choice("status", Set("Accepted", "Failed", "NotSupported", "VersionMismatch"), Required: true)),
        ["SetChargingProfile"] = new(new Choice("status", Set("Accepted", "Rejected", "NotSupported"), Required: true)),
        ["TriggerMessage"] = new(new Choice("status", Set("Accepted", "Rejected", "NotImplemented"), Required: true)),
        ["UnlockConnector"] = new(new Choice("status", Set("Unlocked", "UnlockFailed", "NotSupported"), Required: true)),
        ["UpdateFirmware"] = Empty,
    };
}
