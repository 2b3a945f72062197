namespace ChargeConsole.Devices.Ocpp;

/// <summary>The <c>Ocpp</c> section: OCPP 1.6J charge points on <c>ws://host:http-port/ocpp/{pile code}</c>.</summary>
public sealed class OcppOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The heartbeat interval a charge point is given in its BootNotification answer.</summary>
    public int HeartbeatSeconds { get; set; } = 60;
    /// <summary>A text message longer than this is answered with a CALLERROR and not read.</summary>
    public int MaxMessageBytes { get; set; } = 65_536;
    /// <summary>Open OCPP connections at most on this node.</summary>
    public int MaxConnections { get; set; } = 20_000;
    /// <summary>Upgrades being checked at once from one address (0: no limit), as the YKC port's not-logged-in cap.</summary>
    public int MaxPendingUpgradesPerAddress { get; set; } = 200;
    /// <summary>How long a command waits for the charge point's CALLRESULT.</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;
    /// <summary>Commands of the console waiting for one charge point's answers at most.</summary>
    public int MaxPendingCalls { get; set; } = 16;
    /// <summary>A charge point silent (no message, no pong) this many heartbeat intervals is dropped.</summary>
    public int MissedHeartbeats { get; set; } = 3;
}
