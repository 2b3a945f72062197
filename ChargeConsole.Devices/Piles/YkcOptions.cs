namespace ChargeConsole.Devices.Piles;

/// <summary>The <c>Ykc</c> section of appsettings.json.</summary>
public sealed class YkcOptions
{
    /// <summary>TCP port piles connect to; 0 turns the pile host off.</summary>
    public int Port { get; set; } = 8767;
    public string Address { get; set; } = "0.0.0.0";
    /// <summary>The heartbeat period piles use (YKC: 10 s).</summary>
    public int HeartbeatSeconds { get; set; } = 10;
    /// <summary>A logged-in pile silent for this many heartbeat periods is dropped and goes Offline.</summary>
    public int MissedHeartbeats { get; set; } = 3;
    /// <summary>A connection that produces no valid frame (or no login) for this long is dropped.</summary>
    public int GarbageTimeoutSeconds { get; set; } = 30;
    /// <summary>How long a command waits for the pile's reply.</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;

    public TimeSpan SilenceLimit => TimeSpan.FromSeconds(HeartbeatSeconds * MissedHeartbeats);
}
