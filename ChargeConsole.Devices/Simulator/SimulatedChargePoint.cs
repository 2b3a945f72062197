using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChargeConsole.Devices.Ocpp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeConsole.Devices.Simulator;

public sealed class SimulatedChargePointOptions
{
    public required string PileCode { get; init; }
    public int Connectors { get; init; } = 2;
    public decimal PowerKw { get; init; } = 60m;
    public TimeSpan MeterInterval { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>A driver unplugs this long after a charge ends (the connector goes Available again).</summary>
    public TimeSpan UnplugAfterCharge { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>The HTTP Basic password (security profile 1), when the pile has one set in the console.</summary>
    public string? Password { get; init; }
}

/// <summary>
/// An OCPP 1.6J charge point over a real WebSocket, for the demo and the load tool: it boots, beats, reports its
/// connectors, takes remote starts and stops (StartTransaction, MeterValues, StopTransaction), Reset,
/// ChangeAvailability, UnlockConnector and the configuration calls. Every message it sends is checked against
/// <see cref="OcppSchema"/> first, as the console checks what it receives.
/// </summary>
public sealed class SimulatedChargePoint(SimulatedChargePointOptions options, Uri server, ILogger? log = null) : IAsyncDisposable
{
    private readonly ILogger _log = log ?? NullLogger.Instance;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly Connector[] _connectors = Enumerable.Range(1, options.Connectors).Select(n => new Connector(n)).ToArray();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private ClientWebSocket? _socket;
    private Task? _run;
    private long _nextId;
    private int _heartbeatSeconds = 60;

    private sealed class Connector(int number)
    {
        public int Number { get; } = number;
        public int? TransactionId;
        /// <summary>Each connector has its own energy meter.</summary>
        public long MeterWh = 1_000_000;
        public bool Busy;
    }

    public string PileCode => options.PileCode;
    public bool Online { get; private set; }
    public int Boots { get; private set; }
    /// <summary>How many times the WebSocket was opened (the load tool counts reconnects from it).</summary>
    public int Connects { get; private set; }
    /// <summary>Raised with each Heartbeat's round trip (the load tool's percentiles).</summary>
    public event Action<TimeSpan>? HeartbeatAnswered;

    public void Start() => _run ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await SessionAsync(ct); }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or TimeoutException or JsonException)
            {
                if (!ct.IsCancellationRequested) _log.LogDebug("Charge point {Pile}: {Error}", PileCode, e.Message);
            }
            Online = false;
            foreach (var call in _calls.Values) call.TrySetCanceled();
            try { await Task.Delay(options.ReconnectDelay, ct); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task SessionAsync(CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(OcppEndpoint.SubProtocol);
        if (options.Password is { } password)
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PileCode}:{password}")));
        await socket.ConnectAsync(new Uri(server, $"ocpp/{PileCode}"), ct);
        _socket = socket;
        Connects++;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(() => ReadAsync(socket, session.Token), CancellationToken.None);
        try
        {
            var boot = await CallAsync("BootNotification", new { chargePointVendor = "ChargeConsole", chargePointModel = "SIM-OCPP", firmwareVersion = "SIM-1.0" }, session.Token);
            _heartbeatSeconds = Math.Clamp(boot.GetProperty("interval").GetInt32(), 5, 3600);
            _configuration["HeartbeatInterval"] = (_heartbeatSeconds.ToString(CultureInfo.InvariantCulture), false);
            Boots++;
            Online = true;
            foreach (var c in _connectors) await StatusAsync(c.Number, c.TransactionId is null ? "Available" : "Charging", session.Token);
            var nextHeartbeat = DateTime.UtcNow.AddSeconds(_heartbeatSeconds);
            var nextMeter = DateTime.UtcNow + options.MeterInterval;
            while (!reader.IsCompleted)
            {
                await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(1), session.Token));
                if (reader.IsCompleted) break;
                if (DateTime.UtcNow >= nextHeartbeat)
                {
                    var sent = System.Diagnostics.Stopwatch.GetTimestamp();
                    await CallAsync("Heartbeat", new { }, session.Token);
                    HeartbeatAnswered?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(sent));
                    nextHeartbeat = DateTime.UtcNow.AddSeconds(_heartbeatSeconds);
                }
                if (DateTime.UtcNow >= nextMeter)
                {
                    nextMeter = DateTime.UtcNow + options.MeterInterval;
                    foreach (var c in _connectors.Where(c => c.TransactionId is not null)) await MeterAsync(c, session.Token);
                }
            }
            await reader;
        }
        finally
        {
            session.Cancel();
            _socket = null;
        }
    }

    private async Task ReadAsync(ClientWebSocket socket, CancellationToken ct)
    {
        // Small to start (a load run holds thousands of these), grown for a long message up to the console's 64 KB cap.
        var buffer = new byte[4 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length && buffer.Length < 64 * 1024) Array.Resize(ref buffer, buffer.Length * 2);
                result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                length += result.Count;
            } while (!result.EndOfMessage && length < buffer.Length);
            if (result.MessageType == WebSocketMessageType.Close) return;
            var frame = OcppFrame.Parse(buffer.AsSpan(0, length));
            switch (frame)
            {
                case OcppCallResult r when _calls.TryRemove(r.UniqueId, out var waiting): waiting.TrySetResult(r.Payload); break;
                case OcppCallError e when _calls.TryRemove(e.UniqueId, out var failed): failed.TrySetException(new InvalidOperationException($"{e.ErrorCode}: {e.Description}")); break;
                case OcppCall call: _ = Task.Run(() => AnswerAsync(call, ct), CancellationToken.None); break;
            }
        }
    }

    /// <summary>The console's CALLs, answered as a well-behaved charge point would.</summary>
    private async Task AnswerAsync(OcppCall call, CancellationToken ct)
    {
        try
        {
            var p = call.Payload;
            object answer;
            Func<Task>? then = null;
            switch (call.Action)
            {
                case "RemoteStartTransaction":
                {
                    var connector = _connectors.FirstOrDefault(c => c.Number == (p.TryGetProperty("connectorId", out var id) ? id.GetInt32() : 1));
                    var ok = connector is { Busy: false };
                    if (ok) connector!.Busy = true;
                    answer = new { status = ok ? "Accepted" : "Rejected" };
                    if (ok) then = () => StartTransactionAsync(connector!, p.GetProperty("idTag").GetString()!, ct);
                    break;
                }
                case "RemoteStopTransaction":
                {
                    var connector = _connectors.FirstOrDefault(c => c.TransactionId == p.GetProperty("transactionId").GetInt32());
                    answer = new { status = connector is null ? "Rejected" : "Accepted" };
                    if (connector is not null) then = () => StopTransactionAsync(connector, "Remote", ct);
                    break;
                }
                case "Reset":
                    answer = new { status = "Accepted" };
                    then = async () => { await Task.Delay(500, ct); _socket?.Abort(); };
                    break;
                case "ChangeAvailability": answer = new { status = "Accepted" }; break;
                case "UnlockConnector": answer = new { status = "Unlocked" }; break;
                case "ClearCache": answer = new { status = "Accepted" }; break;
                case "ChangeConfiguration": answer = new { status = ChangeConfiguration(p.GetProperty("key").GetString()!, p.GetProperty("value").GetString()!) }; break;
                case "GetConfiguration": answer = GetConfiguration(p); break;
                case "SendLocalList": answer = new { status = SendLocalList(p) }; break;
                case "GetLocalListVersion": answer = new { listVersion = LocalListVersion }; break;
                case "ReserveNow":
                {
                    var connector = _connectors.FirstOrDefault(c => c.Number == p.GetProperty("connectorId").GetInt32());
                    var ok = connector is { Busy: false };
                    answer = new { status = connector is null ? "Rejected" : ok ? "Accepted" : "Occupied" };
                    if (ok) then = () => StatusAsync(connector!.Number, "Reserved", ct);
                    break;
                }
                case "CancelReservation":
                    answer = new { status = "Accepted" };
                    then = async () => { foreach (var c in _connectors.Where(c => !c.Busy)) await StatusAsync(c.Number, "Available", ct); };
                    break;
                case "SetChargingProfile":
                {
                    var period = p.GetProperty("csChargingProfiles").GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0];
                    PowerLimits[p.GetProperty("connectorId").GetInt32()] = period.GetProperty("limit").GetDecimal();
                    answer = new { status = "Accepted" };
                    break;
                }
                case "ClearChargingProfile":
                    answer = new { status = PowerLimits.IsEmpty ? "Unknown" : "Accepted" };
                    PowerLimits.Clear();
                    break;
                case "UpdateFirmware":
                    answer = new { };
                    then = () => ReportAsync("FirmwareStatusNotification", ["Downloading", "Downloaded", "Installing", "Installed"], ct);
                    break;
                case "GetDiagnostics":
                    answer = new { fileName = $"{PileCode}-diagnostics.log" };
                    then = () => ReportAsync("DiagnosticsStatusNotification", ["Uploading", "Uploaded"], ct);
                    break;
                case "TriggerMessage":
                {
                    var connector = _connectors.FirstOrDefault(c => !p.TryGetProperty("connectorId", out var id) || c.Number == id.GetInt32());
                    var requested = p.GetProperty("requestedMessage").GetString();
                    var known = requested is "MeterValues" or "StatusNotification" or "Heartbeat" && connector is not null;
                    answer = new { status = known ? "Accepted" : "NotImplemented" };
                    if (known) then = requested switch
                    {
                        "MeterValues" => () => MeterAsync(connector!, ct, advance: false),
                        "StatusNotification" => () => StatusAsync(connector!.Number, connector.TransactionId is null ? "Available" : "Charging", ct),
                        _ => () => CallAsync("Heartbeat", new { }, ct),
                    };
                    break;
                }
                default:
                    await SendAsync(new OcppCallError(call.UniqueId, OcppErrorCode.NotImplemented, $"{call.Action} not implemented", OcppJson.EmptyObject), ct);
                    return;
            }
            var payload = OcppJson.ToElement(answer);
            OcppSchema.Validate(call.Action, payload, confirmation: true, call.UniqueId);
            await SendAsync(new OcppCallResult(call.UniqueId, payload), ct);
            if (then is not null) await then();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException or IOException)
        {
            _log.LogDebug("Charge point {Pile}: {Action} not completed: {Error}", PileCode, call.Action, e.Message);
        }
    }

    /// <summary>The configuration keys this charge point has; HeartbeatInterval takes effect at once.</summary>
    private readonly ConcurrentDictionary<string, (string Value, bool ReadOnly)> _configuration = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HeartbeatInterval"] = ("60", false),
        ["MeterValueSampleInterval"] = ("15", false),
        ["MeterValuesSampledData"] = ("Energy.Active.Import.Register,Power.Active.Import,Voltage", false),
        ["ConnectionTimeOut"] = ("60", false),
        ["LocalPreAuthorize"] = ("false", false),
        ["NumberOfConnectors"] = (options.Connectors.ToString(CultureInfo.InvariantCulture), true),
        ["SupportedFeatureProfiles"] = ("Core,RemoteTrigger", true),
    };

    private object GetConfiguration(JsonElement p)
    {
        var asked = p.TryGetProperty("key", out var k) ? k.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
        var keys = asked ?? _configuration.Keys.ToArray();
        return new
        {
            configurationKey = keys.Where(_configuration.ContainsKey)
                .Select(key => new { key, @readonly = _configuration[key].ReadOnly, value = _configuration[key].Value }).ToArray(),
            unknownKey = keys.Where(key => !_configuration.ContainsKey(key)).ToArray(),
        };
    }

    private string ChangeConfiguration(string key, string value)
    {
        if (!_configuration.TryGetValue(key, out var current)) return "NotSupported";
        if (current.ReadOnly) return "Rejected";
        if (key.Equals("HeartbeatInterval", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 5 or > 3600) return "Rejected";
            _heartbeatSeconds = seconds;
        }
        _configuration[key] = (value, false);
        return "Accepted";
    }

    /// <summary>A firmware update's or a diagnostics upload's progress, one status notification after another.</summary>
    private async Task ReportAsync(string action, string[] statuses, CancellationToken ct)
    {
        foreach (var status in statuses)
        {
            await Task.Delay(200, ct);
            await CallAsync(action, new { status }, ct);
        }
    }

    /// <summary>Connector → the power limit (W) the console last set on it (SmartCharging).</summary>
    public ConcurrentDictionary<int, decimal> PowerLimits { get; } = new();

    /// <summary>The local authorisation list the console last sent: its version and the cards on it.</summary>
    public int LocalListVersion { get; private set; }
    public IReadOnlyCollection<string> LocalList { get; private set; } = [];

    private string SendLocalList(JsonElement p)
    {
        var cards = p.TryGetProperty("localAuthorizationList", out var list)
            ? list.EnumerateArray().Where(e => e.TryGetProperty("idTagInfo", out var info) && info.GetProperty("status").GetString() == "Accepted")
                .Select(e => e.GetProperty("idTag").GetString()!).ToList()
            : [];
        LocalList = p.GetProperty("updateType").GetString() == "Full" ? cards : LocalList.Union(cards).ToList();
        LocalListVersion = p.GetProperty("listVersion").GetInt32();
        return "Accepted";
    }

    /// <summary>A driver swipes a card at a free connector: Authorize, then StartTransaction when it is accepted.
    /// The transaction id, or null when the card or the start was refused.</summary>
    public async Task<int?> SwipeCardAsync(int connector, string idTag)
    {
        var c = _connectors.Single(x => x.Number == connector);
        var authorized = await CallAsync("Authorize", new { idTag }, _stop.Token);
        if (authorized.GetProperty("idTagInfo").GetProperty("status").GetString() != "Accepted" || c.Busy) return null;
        c.Busy = true;
        await StartTransactionAsync(c, idTag, _stop.Token);
        return c.TransactionId;
    }

    /// <summary>The car draws <paramref name="wh"/> on the connector; the pile reports it in a MeterValues.</summary>
    public async Task ChargeAsync(int connector, long wh)
    {
        var c = _connectors.Single(x => x.Number == connector);
        Interlocked.Add(ref c.MeterWh, wh);
        await MeterAsync(c, _stop.Token, advance: false);
    }

    private async Task StartTransactionAsync(Connector connector, string idTag, CancellationToken ct)
    {
        await StatusAsync(connector.Number, "Preparing", ct);
        var answer = await CallAsync("StartTransaction", new { connectorId = connector.Number, idTag, meterStart = Interlocked.Read(ref connector.MeterWh), timestamp = Now() }, ct);
        if (answer.GetProperty("idTagInfo").GetProperty("status").GetString() != "Accepted")
        {
            connector.Busy = false;
            await StatusAsync(connector.Number, "Available", ct);
            return;
        }
        connector.TransactionId = answer.GetProperty("transactionId").GetInt32();
        await StatusAsync(connector.Number, "Charging", ct);
    }

    /// <summary>Sends the connector's meter; <paramref name="advance"/> false reports it as it is (a triggered reading).</summary>
    private async Task MeterAsync(Connector connector, CancellationToken ct, bool advance = true)
    {
        var wh = advance ? (long)(options.PowerKw * 1000m * (decimal)options.MeterInterval.TotalHours) : 0;
        var meter = Interlocked.Add(ref connector.MeterWh, wh);
        var charging = connector.TransactionId is not null;
        await CallAsync("MeterValues", new
        {
            connectorId = connector.Number, transactionId = connector.TransactionId,
            meterValue = new[] { new { timestamp = Now(), sampledValue = new object[]
            {
                new { value = meter.ToString(CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" },
                new { value = (charging ? options.PowerKw * 1000m : 0).ToString(CultureInfo.InvariantCulture), measurand = "Power.Active.Import", unit = "W" },
                new { value = "380", measurand = "Voltage", unit = "V" },
            } } },
        }, ct);
    }

    private async Task StopTransactionAsync(Connector connector, string reason, CancellationToken ct)
    {
        if (connector.TransactionId is not { } id) return;
        await StatusAsync(connector.Number, "Finishing", ct);
        await CallAsync("StopTransaction", new { transactionId = id, meterStop = Interlocked.Read(ref connector.MeterWh), timestamp = Now(), reason }, ct);
        connector.TransactionId = null;
        _ = Task.Delay(options.UnplugAfterCharge, ct).ContinueWith(async _ =>
        {
            connector.Busy = false;
            await StatusAsync(connector.Number, "Available", ct);
        }, ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private Task StatusAsync(int connector, string status, CancellationToken ct) =>
        CallAsync("StatusNotification", new { connectorId = connector, errorCode = "NoError", status, timestamp = Now() }, ct);

    private async Task<JsonElement> CallAsync(string action, object payload, CancellationToken ct)
    {
        var element = OcppJson.ToElement(payload);
        OcppSchema.Validate(action, element, confirmation: false, action);
        var id = $"s{Interlocked.Increment(ref _nextId)}";
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        try
        {
            await SendAsync(new OcppCall(id, action, element), ct);
            return await answer.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        finally { _calls.TryRemove(id, out _); }
    }

    private async Task SendAsync(OcppFrame frame, CancellationToken ct)
    {
        var socket = _socket ?? throw new WebSocketException("not connected");
        await _sendLock.WaitAsync(ct);
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJson()), WebSocketMessageType.Text, true, ct); }
        finally { _sendLock.Release(); }
    }

    private static string Now() => OcppChargePointHandler.Time(DateTimeOffset.UtcNow);

    public async Task StopAsync()
    {
        _stop.Cancel();
        _socket?.Abort();
        if (_run is not null) await _run;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
