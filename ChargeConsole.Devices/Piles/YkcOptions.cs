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

    /// <summary>Open pile connections at most; a connection beyond it is closed at once.</summary>
    public int MaxConnections { get; set; } = 20_000;
    /// <summary>Connections from one address that have not logged in yet, at most (0: no limit).</summary>
    public int MaxUnauthenticatedPerAddress { get; set; } = 200;
    /// <summary>Unreadable bytes a connection may send before its login before it is dropped.</summary>
    public int MaxGarbageBytesBeforeLogin { get; set; } = 4096;
    /// <summary>Unreadable bytes a logged-in pile may send in a row (no valid frame between) before it is dropped.</summary>
    public int MaxGarbageBytesInARow { get; set; } = 65_536;
    /// <summary>Frames waiting for the application per connection; a frame beyond it is dropped (the pile repeats).</summary>
    public int InboxCapacity { get; set; } = 64;
    /// <summary>Transaction records of one connection awaiting their settlement; one beyond it is left unconfirmed (resent).</summary>
    public int MaxPendingRecords { get; set; } = 16;

    /// <summary>Application calls that may touch the database (login, billing model, 0x13, 0x31) running at once across all piles.</summary>
    public int MaxConcurrentAppCalls { get; set; } = 2 * Environment.ProcessorCount;

    public TimeSpan SilenceLimit => TimeSpan.FromSeconds(HeartbeatSeconds * MissedHeartbeats);
}
