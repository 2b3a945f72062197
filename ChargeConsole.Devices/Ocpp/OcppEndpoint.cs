using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>
/// <c>ws://host:port/ocpp/{pile code}</c>, subprotocol <c>ocpp1.6</c>: an OCPP 1.6J charge point's connection on
/// the console's own HTTP port. Only a pile registered for OCPP 1.6J gets the upgrade; then its messages are read
/// one by one, each checked against the specification, and a bad one is answered with the CALLERROR it deserves and
/// changes nothing.
/// </summary>
public static class OcppEndpoint
{
    public const string SubProtocol = "ocpp1.6";

    public static IEndpointConventionBuilder MapOcpp(this IEndpointRouteBuilder app) =>
        app.Map("/ocpp/{chargePointId}", (HttpContext http, string chargePointId) =>
            http.RequestServices.GetRequiredService<OcppChargePointHandler>().RunAsync(http, chargePointId));
}

public sealed class OcppChargePointHandler(
    OcppSessionRegistry registry, IPileDirectory directory, IPileEventSink sink, IOcppTransactions transactions, IOcppPileRecords records, AppCallGate gate, IOptions<OcppOptions> options, TimeProvider clock,
    ILogger<OcppChargePointHandler> log)
{
    public async Task RunAsync(HttpContext http, string chargePointId)
    {
        var o = options.Value;
        var remote = http.Connection.RemoteIpAddress is { } a ? (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a) : null;
        var remoteAddress = $"{remote}:{http.Connection.RemotePort}";
        if (!o.Enabled) { await RefuseAsync(http, StatusCodes.Status404NotFound, "本节点未开放 OCPP 接入"); return; }
        if (!http.WebSockets.IsWebSocketRequest) { await RefuseAsync(http, StatusCodes.Status400BadRequest, "OCPP 接入需要 WebSocket 升级"); return; }
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(OcppEndpoint.SubProtocol, StringComparer.OrdinalIgnoreCase))
        {
            log.LogWarning("OCPP upgrade of {Id} from {Remote} refused: subprotocol {Asked}", chargePointId, remoteAddress, string.Join(",", http.WebSockets.WebSocketRequestedProtocols));
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "WebSocket 子协议须为 ocpp1.6");
            return;
        }
        if (!ChargeConsole.Domain.Values.PileCode.TryParse(chargePointId, out _))
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, "充电桩编号应为 14 位数字");
            return;
        }
        if (!registry.TryBeginUpgrade(remote, o))
        {
            log.LogWarning("OCPP upgrade of {Id} from {Remote} refused: too many connections", chargePointId, remoteAddress);
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "连接过多，请稍后重试");
            return;
        }
        OcppSession session;
        try
        {
            var login = new PileLogin(chargePointId, PileWire.Ocpp16J, null, BasicPassword(http, chargePointId));
            var verdict = await gate.RunAsync(() => sink.AuthorizeLoginAsync(login, remoteAddress, http.RequestAborted), http.RequestAborted);
            if (verdict != LoginVerdict.Accepted)
            {
                registry.Abandon();
                if (verdict == LoginVerdict.WrongPassword)
                {
                    http.Response.Headers.WWWAuthenticate = "Basic realm=\"ChargeConsole OCPP\", charset=\"UTF-8\"";
                    await RefuseAsync(http, StatusCodes.Status401Unauthorized, "电桩密码错误");
                }
                else await RefuseAsync(http, StatusCodes.Status404NotFound, "未登记为 OCPP 1.6J 的电桩");
                return;
            }
            var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = OcppEndpoint.SubProtocol, KeepAliveInterval = TimeSpan.FromSeconds(Math.Max(10, o.HeartbeatSeconds)),
                // A charge point that answers no ping for this long is gone (its TCP may never say so).
                KeepAliveTimeout = TimeSpan.FromSeconds(Math.Max(10, o.HeartbeatSeconds) * Math.Max(1, o.MissedHeartbeats)),
            });
            session = new OcppSession(socket, chargePointId, remoteAddress);
            var previousHere = registry.LogIn(session);
            PileTakeover? takeover;
            try { takeover = await directory.ConnectedAsync(session, previousHere, http.RequestAborted); }
            finally { if (previousHere is not null) previousHere.Abort(); }
            await gate.RunAsync(async () => { await sink.OnLoggedInAsync(login, remoteAddress, takeover, http.RequestAborted); return true; }, http.RequestAborted);
            log.LogInformation("OCPP charge point {Pile} connected from {Remote}", chargePointId, remoteAddress);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            registry.Abandon();
            return;
        }
        finally
        {
            registry.EndUpgrade(remote);
        }
        await ReadAsync(http, session, o);
    }

    private async Task ReadAsync(HttpContext http, OcppSession session, OcppOptions o)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(o.MaxMessageBytes + 1);
        var socket = session.Socket;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (length, kind, tooLong) = await ReceiveAsync(socket, buffer, o.MaxMessageBytes, http.RequestAborted);
                if (kind == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); // completes the close handshake
                    break;
                }
                if (kind == WebSocketMessageType.Binary)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidMessageType, "OCPP-J 只用文本消息", CancellationToken.None);
                    break;
                }
                if (tooLong)
                {
                    await session.SendAsync(OcppCallError.For(new OcppFormatException(OcppErrorCode.FormationViolation, $"消息超过 {o.MaxMessageBytes} 字节，未处理")), http.RequestAborted);
                    continue;
                }
                await HandleAsync(session, buffer.AsMemory(0, length), http.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // the charge point went away
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            session.FailPending();
            if (registry.Close(session) && await directory.DisconnectedAsync(session))
            {
                log.LogInformation("OCPP charge point {Pile} disconnected", session.PileCode);
                await sink.OnDisconnectedAsync(session.PileCode!, CancellationToken.None);
            }
        }
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/>; a longer one is read to its end and dropped.</summary>
    private static async Task<(int Length, WebSocketMessageType Kind, bool TooLong)> ReceiveAsync(WebSocket socket, byte[] buffer, int max, CancellationToken ct)
    {
        var length = 0;
        var tooLong = false;
        while (true)
        {
            var room = tooLong || length >= max ? new ArraySegment<byte>(buffer, max, 1) : new ArraySegment<byte>(buffer, length, max + 1 - length);
            var result = await socket.ReceiveAsync(room, ct);
            if (result.MessageType == WebSocketMessageType.Close) return (0, result.MessageType, false);
            if (!tooLong) length += result.Count;
            if (length > max) tooLong = true;
            if (result.EndOfMessage) return (tooLong ? 0 : length, result.MessageType, tooLong);
        }
    }

    private async Task HandleAsync(OcppSession session, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        OcppFrame frame;
        try
        {
            frame = OcppFrame.Parse(message.Span);
            if (frame is OcppCall call) OcppSchema.Validate(call.Action, call.Payload, confirmation: false, call.UniqueId);
        }
        catch (OcppFormatException e)
        {
            log.LogWarning("OCPP {Pile}: {Code} {Reason}", session.PileCode, e.ErrorCode, e.Message);
            await session.SendAsync(OcppCallError.For(e), ct);
            return;
        }
        if (frame is not OcppCall request)
        {
            if (!session.Complete(frame)) log.LogInformation("OCPP {Pile}: answer {Id} to no command of ours ignored", session.PileCode, frame.UniqueId);
            return;
        }
        OcppFrame answer;
        try
        {
            // A heartbeat is answered at once; anything that may reach the database waits its turn at the shared gate.
            var reply = request.Action == "Heartbeat" ? await AnswerAsync(session, request, ct) : await gate.RunAsync(() => AnswerAsync(session, request, ct), ct);
            if (reply is { } payload)
            {
                var element = OcppJson.ToElement(payload);
                // Our own answers are held to the specification too; one that breaks it is a bug of ours, said as one.
                try { OcppSchema.Validate(request.Action, element, confirmation: true, request.UniqueId); }
                catch (OcppFormatException e)
                {
                    log.LogError("OCPP {Pile}: our answer to {Action} breaks the schema: {Reason}", session.PileCode, request.Action, e.Message);
                    throw new InvalidOperationException("answer breaks the schema", e);
                }
                answer = new OcppCallResult(request.UniqueId, element);
            }
            else answer = new OcppCallError(request.UniqueId, OcppErrorCode.NotSupported, $"本平台暂不处理 {request.Action}", OcppJson.EmptyObject);
        }
        catch (OcppFormatException e)
        {
            answer = OcppCallError.For(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "OCPP {Pile}: {Action} failed", session.PileCode, request.Action);
            answer = new OcppCallError(request.UniqueId, OcppErrorCode.InternalError, "平台处理失败，请稍后重发", OcppJson.EmptyObject);
        }
        await session.SendAsync(answer, ct);
    }

    /// <summary>The answer's payload to a charge point's CALL, or null for an action the console does not take.</summary>
    private async Task<object?> AnswerAsync(OcppSession session, OcppCall call, CancellationToken ct)
    {
        var p = call.Payload;
        var now = Time(clock.GetUtcNow());
        switch (call.Action)
        {
            case "BootNotification":
            {
                var status = await records.BootAsync(session.PileCode!, p.TryGetProperty("firmwareVersion", out var f) ? f.GetString() : null, ct);
                session.BootPending = status != "Accepted";
                return new { status, currentTime = now, interval = options.Value.HeartbeatSeconds };
            }
            case "Heartbeat":
                return new { currentTime = now };
            case "StatusNotification":
            {
                var connector = p.GetProperty("connectorId").GetInt32();
                var status = p.GetProperty("status").GetString()!;
                var error = p.GetProperty("errorCode").GetString()!;
                var vendorCode = p.TryGetProperty("vendorErrorCode", out var v) ? v.GetString() : null;
                if (connector is > 0 and <= 255)
                {
                    session.ConnectorStatus[connector] = status;
                    await sink.OnGunConditionAsync(session.PileCode!, connector, OcppStatus.ConditionOf(status), OcppStatus.FaultText(status, error, vendorCode), ct);
                }
                return new { };
            }
            case "Authorize" or "StartTransaction" when session.BootPending:
                log.LogInformation("OCPP {Pile}: {Action} while its boot is pending refused", session.PileCode, call.Action);
                return call.Action == "Authorize" ? new { idTagInfo = new { status = "Blocked" } } : new { idTagInfo = new { status = "Blocked" }, transactionId = 0 };
            case "Authorize":
                return new { idTagInfo = new { status = await transactions.AuthorizeAsync(session.PileCode!, p.GetProperty("idTag").GetString()!, ct) } };
            case "StartTransaction":
            {
                var connector = p.GetProperty("connectorId").GetInt32();
                OcppSchema.TryReadTime(p.GetProperty("timestamp").GetString()!, out var at);
                var start = await transactions.StartAsync(session.PileCode!, connector, p.GetProperty("idTag").GetString()!,
                    p.GetProperty("meterStart").GetInt32(), at, ct);
                if (start.Status == "Accepted") session.Transactions[connector] = start.TransactionId;
                return new { idTagInfo = new { status = start.Status }, transactionId = start.TransactionId };
            }
            case "MeterValues":
            {
                var connector = p.GetProperty("connectorId").GetInt32();
                int? transactionId = p.TryGetProperty("transactionId", out var t) ? t.GetInt32() : null;
                var readings = OcppMeter.Read(p.GetProperty("meterValue"));
                if (transactionId is { } known && connector is > 0 and <= 255) session.Transactions[connector] = known;
                var bill = await transactions.OnMeterValuesAsync(session.PileCode!, connector, transactionId, readings, ct);
                if (readings.Count > 0) session.OnReading(connector, Reading(session, connector, readings[^1], bill));
                return new { };
            }
            case "StopTransaction":
            {
                var transactionId = p.GetProperty("transactionId").GetInt32();
                OcppSchema.TryReadTime(p.GetProperty("timestamp").GetString()!, out var at);
                var data = p.TryGetProperty("transactionData", out var d) ? OcppMeter.Read(d) : [];
                var connector = session.Transactions.FirstOrDefault(kv => kv.Value == transactionId).Key;
                var stop = new OcppStop(transactionId, connector > 0 ? connector : null, p.GetProperty("meterStop").GetInt32(), at,
                    p.TryGetProperty("reason", out var r) ? r.GetString() : null, data);
                // Not recorded (a busy database): no answer, so the pile keeps the message and sends it again.
                if (!await transactions.StopAsync(session.PileCode!, stop, ct))
                    throw new OcppFormatException(OcppErrorCode.InternalError, "交易记录暂未保存，请重发", call.UniqueId);
                if (connector > 0) session.Transactions.TryRemove(connector, out _);
                return new { idTagInfo = new { status = "Accepted" } };
            }
            case "DataTransfer":
                return new { status = "UnknownVendorId" }; // no vendor extensions are taken
            case "DiagnosticsStatusNotification" or "FirmwareStatusNotification":
                await records.OnMaintenanceStatusAsync(session.PileCode!, call.Action == "FirmwareStatusNotification", p.GetProperty("status").GetString()!, ct);
                return new { };
            default:
                return null;
        }
    }

    /// <summary>A connector's MeterValues as a gun reading (读取实时数据), in the terms a YKC 0x13 gives.</summary>
    private static GunReading Reading(OcppSession session, int connector, OcppReading last, OcppLiveBill? bill) => new(
        session.ConnectorStatus.TryGetValue(connector, out var status) ? OcppStatus.ConditionOf(status) : bill is null ? GunCondition.Idle : GunCondition.Charging,
        last.Volts ?? 0, last.Amps ?? 0, bill?.Kwh ?? 0, bill?.AmountYuan ?? 0, last.Soc ?? 0, 0);

    /// <summary>The password of an <c>Authorization: Basic</c> header whose user is the charge point itself (security
    /// profile 1); null when there is none, it is malformed, or it names another user.</summary>
    internal static string? BasicPassword(HttpContext http, string chargePointId)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || header.Length > 512) return null;
        try
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':');
            return colon > 0 && pair[..colon] == chargePointId ? pair[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>OCPP-J timestamps: UTC, RFC 3339, milliseconds.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task RefuseAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message);
    }
}
