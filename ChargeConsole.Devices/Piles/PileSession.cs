using System.Collections.Concurrent;
using ChargeConsole.Devices.Ykc;
using Microsoft.AspNetCore.Connections;

namespace ChargeConsole.Devices.Piles;

/// <summary>One pile's TCP connection: sends frames one at a time and matches replies to waiting commands.</summary>
public sealed class PileSession(ConnectionContext connection, TimeProvider clock) : IPileConnection
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, PendingCommand> _pending = new();
    private long _nextPending;
    private int _seq;

    public string ConnectionId => connection.ConnectionId;
    public string RemoteAddress => connection.RemoteEndPoint?.ToString() ?? "";
    public System.Net.IPAddress? RemoteIp => (connection.RemoteEndPoint as System.Net.IPEndPoint)?.Address is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip)
        : null;
    /// <summary>1 while this connection counts against its address's not-logged-in cap.</summary>
    internal int CountedUnauthenticated;
    public string? PileCode { get; internal set; }
    /// <summary>The connection's name in the cluster (node and connection id), set when its login is registered.</summary>
    public string? LinkId { get; set; }
    public LoginRequest? Login { get; internal set; }
    internal ulong PileCodeBcd { get; set; }
    public DateTime ConnectedAt { get; } = clock.GetUtcNow().UtcDateTime;
    public DateTime LastValidFrameAt { get; internal set; } = clock.GetUtcNow().UtcDateTime;
    /// <summary>When the connection's login frame arrived (it may wait for its answer behind others in a storm).</summary>
    public DateTime? LoginReceivedAt { get; internal set; }

    private int _pendingRecords;
    private int _awaitingConsole;

    /// <summary>True while one of this pile's frames waits for the console (in line for the database): the pile is
    /// quiet because it waits for our answer, not because it is gone.</summary>
    public bool AwaitingConsole => Volatile.Read(ref _awaitingConsole) > 0;

    internal void BeginAwaitingConsole() => Interlocked.Increment(ref _awaitingConsole);

    internal void EndAwaitingConsole() => Interlocked.Decrement(ref _awaitingConsole);

    /// <summary>Counts a transaction record awaiting settlement; false when <paramref name="max"/> already are.</summary>
    internal bool TryBeginRecord(int max)
    {
        if (Interlocked.Increment(ref _pendingRecords) <= max) return true;
        Interlocked.Decrement(ref _pendingRecords);
        return false;
    }

    internal void EndRecord() => Interlocked.Decrement(ref _pendingRecords);

    /// <summary>SEQ for frames the platform originates; replies echo the request's SEQ instead.</summary>
    public ushort NextSeq() => (ushort)Interlocked.Increment(ref _seq);

    public async Task SendAsync(YkcFrame frame, CancellationToken ct = default)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            var output = connection.Transport.Output;
            var length = frame.Write(output.GetSpan(frame.EncodedLength));
            output.Advance(length);
            await output.FlushAsync(ct);
        }
        finally { _sendLock.Release(); }
    }

    public Task SendAsync(IYkcMessage message, CancellationToken ct = default) => SendAsync(message.ToFrame(NextSeq()), ct);

    /// <summary>Registers interest in a reply before the request goes out, so a fast pile cannot beat it.</summary>
    internal PendingCommand Expect(byte replyType, Func<IYkcMessage, bool> matches)
    {
        var id = Interlocked.Increment(ref _nextPending);
        var pending = new PendingCommand(id, replyType, matches, this);
        _pending[id] = pending;
        return pending;
    }

    internal void Forget(PendingCommand pending) => _pending.TryRemove(pending.Id, out _);

    /// <summary>Completes the oldest command waiting for this reply; false if none was.</summary>
    internal bool TryComplete(byte type, IYkcMessage reply)
    {
        foreach (var pending in _pending.Values.OrderBy(p => p.Id))
        {
            if (pending.ReplyType == type && pending.Matches(reply) && _pending.TryRemove(pending.Id, out _))
            {
                pending.Completion.TrySetResult(reply);
                return true;
            }
        }
        return false;
    }

    internal void FailPending()
    {
        foreach (var pending in _pending.Values) pending.Completion.TrySetResult(null);
        _pending.Clear();
    }

    /// <summary>Stops reading: the handler returns and Kestrel closes the connection after what was sent.</summary>
    internal void EndGracefully() => connection.Transport.Input.CancelPendingRead();

    public void Abort(string reason) => connection.Abort(new ConnectionAbortedException(reason));
}

internal sealed record PendingCommand(long Id, byte ReplyType, Func<IYkcMessage, bool> Matches, PileSession Session)
{
    /// <summary>The reply, or null when the session ended first.</summary>
    public TaskCompletionSource<IYkcMessage?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
