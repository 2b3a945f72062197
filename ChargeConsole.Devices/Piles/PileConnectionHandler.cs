using System.Buffers;
using ChargeConsole.Devices.Ykc;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Piles;

/// <summary>
/// The pile TCP host on a Kestrel connection handler: frames in through <see cref="YkcPipelineFilter"/>,
/// login and heartbeat handled here, everything else handed to the application's <see cref="IPileEventSink"/>.
/// </summary>
public sealed class PileConnectionHandler(
    PileSessionRegistry registry, IPileEventSink sink, TimeProvider clock, ILogger<PileConnectionHandler> log) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var session = new PileSession(connection, clock);
        var filter = new YkcPipelineFilter();
        var input = connection.Transport.Input;
        var ct = connection.ConnectionClosed;
        registry.Open(session);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await input.ReadAsync(ct);
                var buffer = result.Buffer;
                while (filter.TryRead(ref buffer, out var header, out var body))
                {
                    // Heartbeats (one per gun every 10 s) take the allocation-free path.
                    if (header.Type == MessageType.Heartbeat && session.PileCode is not null && body.IsSingleSegment
                        && HeartbeatView.TryParse(body.FirstSpan, out var heartbeat))
                    {
                        await HeartbeatAsync(session, header.Seq, heartbeat, ct);
                        continue;
                    }
                    if (!await HandleAsync(session, new YkcFrame(header.Seq, header.Encryption, header.Type, body.ToArray()), ct)) return;
                }
                input.AdvanceTo(buffer.Start, buffer.End);
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
            session.FailPending();
            if (registry.Close(session))
            {
                log.LogInformation("Pile {Pile} disconnected", session.PileCode);
                await SafeAsync(() => sink.OnDisconnectedAsync(session.PileCode!, CancellationToken.None), session);
            }
            if (filter.SkippedBytes > 0) log.LogInformation("Connection {Connection} skipped {Bytes} unreadable bytes", connection.ConnectionId, filter.SkippedBytes);
        }
    }

    private async Task HeartbeatAsync(PileSession session, ushort seq, HeartbeatView heartbeat, CancellationToken ct)
    {
        session.LastValidFrameAt = clock.GetUtcNow().UtcDateTime;
        var pileCode = session.PileCode!;
        await session.SendAsync(new HeartbeatReply(pileCode, heartbeat.Gun).ToFrame(seq), ct);
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
        session.LastValidFrameAt = clock.GetUtcNow().UtcDateTime;

        if (message is LoginRequest login) return await LogInAsync(session, frame, login, ct);
        if (session.PileCode is null)
        {
            log.LogDebug("Frame 0x{Type:X2} before login from {Remote} ignored", frame.Type, session.RemoteAddress);
            return true;
        }

        switch (message)
        {
            case Heartbeat hb: // a heartbeat split across reads lands here
                await session.SendAsync(new HeartbeatReply(session.PileCode, hb.Gun).ToFrame(frame.Seq), ct);
                break;
            case BillingVerify verify:
            {
                var model = await SafeAsync(() => sink.GetBillingModelAsync(session.PileCode, ct), session);
                var matches = model is not null && model.ModelNumber == verify.ModelNumber;
                await session.SendAsync(new BillingVerifyReply(session.PileCode, model?.ModelNumber ?? 0, matches).ToFrame(frame.Seq), ct);
                return true;
            }
            case BillingRequest:
            {
                var model = await SafeAsync(() => sink.GetBillingModelAsync(session.PileCode, ct), session);
                if (model is null) log.LogWarning("Pile {Pile} asked for a billing model and has none", session.PileCode);
                else await session.SendAsync((model with { IsPush = false }).ToFrame(frame.Seq), ct);
                return true;
            }
        }

        session.TryComplete(frame.Type, message);
        var reply = await SafeAsync(() => sink.OnMessageAsync(session.PileCode, message, ct), session);
        if (reply is not null) await session.SendAsync(reply.ToFrame(frame.Seq), ct);
        return true;
    }

    private async Task<bool> LogInAsync(PileSession session, YkcFrame frame, LoginRequest login, CancellationToken ct)
    {
        if (session.PileCode is not null && session.PileCode != login.PileCode)
        {
            log.LogWarning("Connection of pile {Pile} tried to log in as {Other}; dropped", session.PileCode, login.PileCode);
            return false;
        }
        if (session.PileCode is null)
        {
            // Registered before the application hears of the login, so that recording an older session's disconnect
            // later can see the pile is back (IPileEventSink.OnDisconnectedAsync) however the two interleave.
            session.PileCode = login.PileCode;
            var previous = registry.LogIn(session);
            if (previous is not null)
            {
                log.LogInformation("Pile {Pile} logged in again; its previous connection is closed", login.PileCode);
                previous.PileCode = null; // its close must not mark the pile offline
                previous.Abort("replaced by a new login");
            }
        }
        var accepted = await SafeAsync(() => sink.AuthorizeLoginAsync(login, session.RemoteAddress, ct), session);
        await session.SendAsync(new LoginReply(login.PileCode, accepted).ToFrame(frame.Seq), ct);
        if (!accepted)
        {
            registry.Close(session);
            session.PileCode = null;
            log.LogWarning("Login refused for unknown pile {Pile} from {Remote}", login.PileCode, session.RemoteAddress);
            return false; // the spec lets the platform drop the connection after a failed login
        }
        session.Login = login;
        log.LogInformation("Pile {Pile} logged in from {Remote} (protocol 0x{Version:X2}, {Guns} guns)", login.PileCode, session.RemoteAddress, login.ProtocolVersion, login.GunCount);
        // Set the pile's clock right after login, as JCPP does; its 0x55 echo needs nothing from us.
        await session.SendAsync(new TimeSync(MessageType.TimeSync, login.PileCode, ChinaNow()), ct);
        return true;
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

    private async Task SafeAsync(Func<Task> action, PileSession session) => await SafeAsync(async () => { await action(); return true; }, session);
}
