using System.Buffers;
using System.Threading.Channels;
using ChargeConsole.Devices.Ykc;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// The pile TCP host on a Kestrel connection handler. The read loop frames bytes through
/// <see cref="YkcPipelineFilter"/> and answers heartbeats itself, never waiting on the application; every other
/// frame goes into the connection's bounded inbox, which one worker per connection hands to the
/// <see cref="IPileEventSink"/> in order. Transaction records are settled off that worker too, and their 0x40 is
/// sent when the application answers (after its commit), so a slow database delays no heartbeat and no status.
/// </summary>
public sealed class PileConnectionHandler(
    PileSessionRegistry registry, IPileDirectory directory, IPileEventSink sink, AppCallGate gate, IOptions<YkcOptions> options, TimeProvider clock,
    ILogger<PileConnectionHandler> log) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var limits = options.Value;
        var session = new PileSession(connection, clock);
        if (registry.TryOpen(session, limits) is { } refusal)
        {
            log.LogWarning("Pile connection from {Remote} refused: {Reason}", session.RemoteAddress, refusal);
            connection.Abort(new ConnectionAbortedException(refusal));
            return;
        }
        var filter = new YkcPipelineFilter();
        var input = connection.Transport.Input;
        var ct = connection.ConnectionClosed;
        var inbox = Channel.CreateBounded<YkcFrame>(new BoundedChannelOptions(limits.InboxCapacity)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        var worker = Task.Run(() => WorkAsync(session, inbox.Reader, ct), CancellationToken.None);
        long skippedAtLastFrame = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await input.ReadAsync(ct);
                var buffer = result.Buffer;
                while (filter.TryRead(ref buffer, out var header, out var body))
                {
                    skippedAtLastFrame = filter.SkippedBytes;
                    // Heartbeats (one per gun every 10 s) are answered here, allocation-free.
                    if (header.Type == MessageType.Heartbeat && session.PileCode is not null && body.IsSingleSegment
                        && HeartbeatView.TryParse(body.FirstSpan, out var heartbeat) && heartbeat.PileCodeBcd == session.PileCodeBcd)
                    {
                        await HeartbeatAsync(session, header.Seq, heartbeat, ct);
                        continue;
                    }
                    // A login waiting in line (a reconnect storm) keeps its connection: the monitor drops only those that never asked.
                    if (header.Type == MessageType.Login && session.PileCode is null) session.LoginReceivedAt ??= clock.GetUtcNow().UtcDateTime;
                    if (!inbox.Writer.TryWrite(new YkcFrame(header.Seq, header.Encryption, header.Type, body.ToArray())))
                        log.LogWarning("Pile {Pile}: inbox full, 0x{Type:X2} dropped (the pile repeats it)", session.PileCode ?? session.RemoteAddress, header.Type);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                if (TooMuchGarbage(session, filter, skippedAtLastFrame, limits) is { } why)
                {
                    log.LogWarning("Connection {Connection} from {Remote} ({Pile}) dropped: {Reason}", connection.ConnectionId, session.RemoteAddress, session.PileCode, why);
                    break;
                }
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException)
        {
            // the pile went away or was dropped
        }
        catch (Exception e)
        {
            log.LogError(e, "Pile connection {Connection} ({Pile}) failed", connection.ConnectionId, session.PileCode);
        }
        finally
        {
            inbox.Writer.TryComplete();
            await worker;
            AnswerWaitingCommands(session, inbox.Reader);
            session.FailPending();
            // Offline only if no newer login of the pile stands, on this node or another.
            if (registry.Close(session) && await SafeAsync(() => directory.DisconnectedAsync(session), session))
            {
                log.LogInformation("Pile {Pile} disconnected", session.PileCode);
                await SafeAsync(() => sink.OnDisconnectedAsync(session.PileCode!, CancellationToken.None), session);
            }
            if (filter.SkippedBytes > 0) log.LogInformation("Connection {Connection} skipped {Bytes} unreadable bytes", connection.ConnectionId, filter.SkippedBytes);
        }
    }

    /// <summary>
    /// A pile that replies and then goes (a reboot: ack, then the connection drops) may close before the worker reached
    /// the reply: the command it answered is told so, not "disconnected before answering". Nothing else left is acted on.
    /// </summary>
    private static void AnswerWaitingCommands(PileSession session, ChannelReader<YkcFrame> inbox)
    {
        if (session.PileCode is null) return;
        while (inbox.TryRead(out var frame))
        {
            try
            {
                if (YkcMessages.Decode(frame) is { } message && YkcMessages.PileCodeOf(message) is var named && (named is null || named == session.PileCode))
                    session.TryComplete(frame.Type, message);
            }
            catch (YkcFormatException) { }
        }
    }

    /// <summary>Garbage is tolerated only in small doses: a stranger's stream of noise is dropped, not parsed forever.</summary>
    private static string? TooMuchGarbage(PileSession session, YkcPipelineFilter filter, long skippedAtLastFrame, YkcOptions limits)
    {
        if (session.PileCode is null && filter.SkippedBytes > limits.MaxGarbageBytesBeforeLogin)
            return $"{filter.SkippedBytes} unreadable bytes before a login";
        if (filter.SkippedBytes - skippedAtLastFrame > limits.MaxGarbageBytesInARow)
            return $"{filter.SkippedBytes - skippedAtLastFrame} unreadable bytes in a row";
        return null;
    }

    private async Task WorkAsync(PileSession session, ChannelReader<YkcFrame> inbox, CancellationToken ct)
    {
        try
        {
            await foreach (var frame in inbox.ReadAllAsync(ct))
            {
                if (!await HandleAsync(session, frame, ct))
                {
                    session.EndGracefully(); // what was sent (a login refusal) still reaches the pile
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException)
        {
            // the connection ended
        }
        catch (Exception e)
        {
            log.LogError(e, "Pile connection {Connection} ({Pile}) failed", session.ConnectionId, session.PileCode);
            session.Abort("handler failed");
        }
    }

    private async Task HeartbeatAsync(PileSession session, ushort seq, HeartbeatView heartbeat, CancellationToken ct)
    {
        session.LastValidFrameAt = clock.GetUtcNow().UtcDateTime;
        var pileCode = session.PileCode!;
        await session.SendAsync(new HeartbeatReply(pileCode, heartbeat.Gun).ToFrame(seq), ct);
        // The application's heartbeat handling is in memory (a gun's fault flag); it queues any database write.
        await SafeAsync(() => sink.OnMessageAsync(pileCode, new Heartbeat(pileCode, heartbeat.Gun, heartbeat.Fault), ct), session);
    }

    /// <summary>Handles one frame; false ends the connection.</summary>
    private async Task<bool> HandleAsync(PileSession session, YkcFrame frame, CancellationToken ct)
    {
        IYkcMessage? message;
        try
        {
            message = YkcMessages.Decode(frame);
        }
        catch (YkcFormatException e)
        {
            log.LogWarning("Pile {Pile}: malformed 0x{Type:X2} frame skipped: {Reason}", session.PileCode ?? session.RemoteAddress, frame.Type, e.Message);
            return true;
        }
        if (message is null)
        {
            log.LogInformation("Pile {Pile}: unknown frame type 0x{Type:X2} skipped", session.PileCode ?? session.RemoteAddress, frame.Type);
            return true;
        }

        if (message is LoginRequest login) return await LogInAsync(session, frame, login, ct);
        if (session.PileCode is null)
        {
            log.LogDebug("Frame 0x{Type:X2} before login from {Remote} ignored", frame.Type, session.RemoteAddress);
            return true;
        }
        if (YkcMessages.PileCodeOf(message) is { } named && named != session.PileCode)
        {
            // A pile speaks only for itself: a 0x31, 0x13 or 0x3B naming another pile is not acted on.
            log.LogWarning("Pile {Pile} from {Remote} sent 0x{Type:X2} naming pile {Other}; ignored", session.PileCode, session.RemoteAddress, frame.Type, named);
            return true;
        }
        session.LastValidFrameAt = clock.GetUtcNow().UtcDateTime;

        switch (message)
        {
            case Heartbeat hb: // a heartbeat split across reads lands here
                await session.SendAsync(new HeartbeatReply(session.PileCode, hb.Gun).ToFrame(frame.Seq), ct);
                break;
            case BillingVerify verify:
            {
                var model = await GatedAsync(() => sink.GetBillingModelAsync(session.PileCode, ct), session, ct);
                var matches = model is not null && model.ModelNumber == verify.ModelNumber;
                await session.SendAsync(new BillingVerifyReply(session.PileCode, model?.ModelNumber ?? 0, matches).ToFrame(frame.Seq), ct);
                return true;
            }
            case BillingRequest:
            {
                var model = await GatedAsync(() => sink.GetBillingModelAsync(session.PileCode, ct), session, ct);
                if (model is null) log.LogWarning("Pile {Pile} asked for a billing model and has none", session.PileCode);
                else await session.SendAsync((model with { IsPush = false }).ToFrame(frame.Seq), ct);
                return true;
            }
            case TransactionRecord:
                SettleInBackground(session, session.PileCode, frame.Seq, message, ct);
                return true;
        }

        session.TryComplete(frame.Type, message);
        var reply = await GatedAsync(() => sink.OnMessageAsync(session.PileCode, message, ct), session, ct);
        if (reply is not null) await session.SendAsync(reply.ToFrame(frame.Seq), ct);
        return true;
    }

    /// <summary>
    /// A record waits for its settlement's commit, which may take a while when the database is busy; meanwhile the
    /// worker goes on with the pile's next frames. Its 0x40 goes out when the application answers. Beyond
    /// <see cref="YkcOptions.MaxPendingRecords"/> a record is left unanswered and the pile resends it later.
    /// </summary>
    private void SettleInBackground(PileSession session, string pileCode, ushort seq, IYkcMessage record, CancellationToken ct)
    {
        if (!session.TryBeginRecord(options.Value.MaxPendingRecords))
        {
            log.LogWarning("Pile {Pile}: too many records awaiting settlement; this one is left for the pile to resend", pileCode);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                var reply = await SafeAsync(() => sink.OnMessageAsync(pileCode, record, ct), session);
                if (reply is not null && !ct.IsCancellationRequested) await session.SendAsync(reply.ToFrame(seq), ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException or ObjectDisposedException)
            {
                // the pile went away before its confirmation: it resends the record after it reconnects
            }
            finally { session.EndRecord(); }
        }, CancellationToken.None);
    }

    private async Task<bool> LogInAsync(PileSession session, YkcFrame frame, LoginRequest login, CancellationToken ct)
    {
        session.LastValidFrameAt = clock.GetUtcNow().UtcDateTime;
        if (session.PileCode is not null && session.PileCode != login.PileCode)
        {
            log.LogWarning("Connection of pile {Pile} tried to log in as {Other}; dropped", session.PileCode, login.PileCode);
            return false;
        }
        if (session.PileCode is not null)
        {
            // A repeated login on its own live session (the pile missed our reply): answer it again.
            await session.SendAsync(new LoginReply(login.PileCode, true).ToFrame(frame.Seq), ct);
            return true;
        }
        // Authorised first: a stranger naming a registered pile's code from the wrong place never touches its live session.
        var accepted = await GatedAsync<LoginVerdict?>(async () => await sink.AuthorizeLoginAsync(Neutral(login), session.RemoteAddress, ct), session, ct);
        if (accepted is null)
        {
            // The console could not decide (a busy database; SafeAsync logged why): no refusal, which the pile would
            // take as final; the connection ends and the pile logs in again.
            log.LogWarning("Login of pile {Pile} could not be checked; the pile will retry", login.PileCode);
            return false;
        }
        if (accepted != LoginVerdict.Accepted)
        {
            await session.SendAsync(new LoginReply(login.PileCode, false).ToFrame(frame.Seq), ct);
            log.LogWarning("Login refused for pile {Pile} from {Remote}", login.PileCode, session.RemoteAddress);
            return false; // the spec lets the platform drop the connection after a failed login
        }
        // Registered before the application records the login, so that an older session's disconnect, recorded
        // later, can see the pile is back (IPileEventSink.OnDisconnectedAsync) however the two interleave.
        session.PileCode = login.PileCode;
        session.Login = login;
        session.PileCodeBcd = PileCodeBcd(login.PileCode);
        var previous = registry.LogIn(session);
        if (previous is not null)
        {
            log.LogWarning("Pile {Pile} logged in from {Remote}; its live session from {Previous} is closed", login.PileCode, session.RemoteAddress, previous.RemoteAddress);
            previous.PileCode = null; // its close must not mark the pile offline
            previous.Abort("replaced by a new login");
        }
        PileTakeover? takeover;
        try
        {
            takeover = await directory.ConnectedAsync(session, previous, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The cluster could not record where the pile is (a node is being lost): no answer; the pile logs in again.
            log.LogWarning("Login of pile {Pile} could not be registered with the cluster: {Error}; the pile will retry", login.PileCode, e.Message);
            registry.Release(session);
            return false;
        }
        await GatedAsync(async () => { await sink.OnLoggedInAsync(Neutral(login), session.RemoteAddress, takeover, ct); return true; }, session, ct);
        await session.SendAsync(new LoginReply(login.PileCode, true).ToFrame(frame.Seq), ct);
        log.LogInformation("Pile {Pile} logged in from {Remote} (protocol 0x{Version:X2}, {Guns} guns)", login.PileCode, session.RemoteAddress, login.ProtocolVersion, login.GunCount);
        // Set the pile's clock right after login, as JCPP does; its 0x55 echo needs nothing from us.
        await session.SendAsync(new TimeSync(MessageType.TimeSync, login.PileCode, ChinaNow()), ct);
        return true;
    }

    private static PileLogin Neutral(LoginRequest login) => new(login.PileCode, PileWire.Ykc, login.Firmware);

    /// <summary>The pile code as the 7 BCD bytes a heartbeat carries, read as one number (<see cref="HeartbeatView"/>).</summary>
    private static ulong PileCodeBcd(string pileCode)
    {
        var bytes = new byte[7];
        Wire.WriteBcd(pileCode, bytes);
        ulong value = 0;
        foreach (var b in bytes) value = value << 8 | b;
        return value;
    }

    private DateTime ChinaNow() => clock.GetUtcNow().UtcDateTime.AddHours(8);

    /// <summary>The application's failure in handling one message must not take the pile's connection down.</summary>
    private async Task<T?> SafeAsync<T>(Func<Task<T>> action, PileSession session)
    {
        try { return await action(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Handling a message of pile {Pile} failed", session.PileCode);
            return default;
        }
    }

    private async Task<T?> GatedAsync<T>(Func<Task<T>> action, PileSession session, CancellationToken ct)
    {
        session.BeginAwaitingConsole();
        try
        {
            return await gate.RunAsync(() => SafeAsync(action, session), ct);
        }
        finally { session.EndAwaitingConsole(); }
    }

    private async Task SafeAsync(Func<Task> action, PileSession session) => await SafeAsync(async () => { await action(); return true; }, session);
}
