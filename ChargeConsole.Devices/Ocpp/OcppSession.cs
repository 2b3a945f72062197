using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>
/// One OCPP 1.6J charge point's WebSocket: messages go out one at a time, and the console's own CALLs wait for the
/// CALLRESULT or CALLERROR with their id. Every CALL the console sends is checked against <see cref="OcppSchema"/>
/// first, so a charge point never receives a message that breaks the specification.
/// </summary>
public sealed class OcppSession(WebSocket socket, string pileCode, string remoteAddress) : IPileConnection
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, (string Action, TaskCompletionSource<OcppFrame> Answer)> _calls = new();
    private long _nextId;

    public string ConnectionId { get; } = "ocpp-" + Guid.NewGuid().ToString("N")[..12];
    public string? PileCode { get; } = pileCode;
    public string RemoteAddress { get; } = remoteAddress;
    public string? LinkId { get; set; }
    internal WebSocket Socket => socket;
    /// <summary>Connector → the transaction running on it, as this connection has heard (for RemoteStopTransaction).</summary>
    public ConcurrentDictionary<int, int> Transactions { get; } = new();
    /// <summary>Set while the console answered the last BootNotification Pending: the pile may not start charges.
    /// A charge point boots only after a restart, not on every reconnect, so a new connection starts accepted.</summary>
    public bool BootPending { get; set; }
    /// <summary>Connector → its last StatusNotification status, for a reading's condition.</summary>
    public ConcurrentDictionary<int, string> ConnectorStatus { get; } = new();
    /// <summary>Connector → an operator waiting for its next MeterValues (读取实时数据); one per connector.</summary>
    private readonly ConcurrentDictionary<int, TaskCompletionSource<GunReading>> _readings = new();

    /// <summary>The reading the connector's next MeterValues brings (ask for it with TriggerMessage after this).</summary>
    internal Task<GunReading> NextReadingAsync(int connector) =>
        _readings.GetOrAdd(connector, _ => new TaskCompletionSource<GunReading>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void OnReading(int connector, GunReading reading)
    {
        if (_readings.TryRemove(connector, out var waiting)) waiting.TrySetResult(reading);
    }

    public async Task SendAsync(OcppFrame frame, CancellationToken ct)
    {
        var bytes = OcppJson.Utf8(frame);
        await _sendLock.WaitAsync(ct);
        try { await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Sends a CALL and waits for its answer: the CALLRESULT's payload (checked against the action's
    /// confirmation), or a <see cref="OcppCallError"/> from the charge point; null when it did not answer in time.</summary>
    public async Task<OcppFrame?> CallAsync(string action, object payload, int maxPending, TimeSpan timeout, CancellationToken ct)
    {
        var element = OcppJson.ToElement(payload);
        OcppSchema.Validate(action, element, confirmation: false, "console"); // our own mistake throws here, before the wire
        if (_calls.Count >= maxPending) throw new InvalidOperationException("too many commands waiting for this charge point");
        var id = $"c{Interlocked.Increment(ref _nextId)}";
        var answer = new TaskCompletionSource<OcppFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = (action, answer);
        try
        {
            await SendAsync(new OcppCall(id, action, element), ct);
            return await answer.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _calls.TryRemove(id, out _);
        }
    }

    /// <summary>A CALLRESULT or CALLERROR arrived: completes the console's CALL with that id. A result that breaks
    /// the action's confirmation shape completes it as that error. False when no CALL of ours has that id.</summary>
    internal bool Complete(OcppFrame frame)
    {
        if (!_calls.TryRemove(frame.UniqueId, out var call)) return false;
        if (frame is OcppCallResult result)
        {
            try { OcppSchema.Validate(call.Action, result.Payload, confirmation: true, frame.UniqueId); }
            catch (OcppFormatException e) { frame = new OcppCallError(frame.UniqueId, e.ErrorCode, e.Message, OcppJson.EmptyObject); }
        }
        call.Answer.TrySetResult(frame);
        return true;
    }

    internal void FailPending()
    {
        foreach (var connector in _readings.Keys)
            if (_readings.TryRemove(connector, out var reading)) reading.TrySetException(new WebSocketException("charge point disconnected"));
        foreach (var id in _calls.Keys)
            if (_calls.TryRemove(id, out var call)) call.Answer.TrySetException(new WebSocketException("charge point disconnected"));
    }

    public void Abort() => socket.Abort();
}
