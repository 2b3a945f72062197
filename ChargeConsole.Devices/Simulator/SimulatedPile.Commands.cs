using ChargeConsole.Devices.Ykc;
using Microsoft.Extensions.Logging;

namespace ChargeConsole.Devices.Simulator;

public sealed partial class SimulatedPile
{
    private async Task OnFrameAsync(YkcFrame frame, CancellationToken ct)
    {
        IYkcMessage? message;
        try { message = YkcMessages.Decode(frame); }
        catch (YkcFormatException e)
        {
            _log.LogWarning("Simulated pile {Pile}: bad 0x{Type:X2} from platform: {Reason}", _o.PileCode, frame.Type, e.Message);
            return;
        }
        switch (message)
        {
            case LoginReply reply:
                _loginReply?.TrySetResult(reply.Accepted);
                break;
            case HeartbeatReply hb:
                Interlocked.Exchange(ref _missedHeartbeats, 0);
                var gun = _guns.FirstOrDefault(g => g.Number == hb.Gun);
                if (gun is not null && gun.HeartbeatSentAt != 0)
                    HeartbeatAnswered?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(gun.HeartbeatSentAt));
                break;
            case BillingVerifyReply verify when !verify.Matches:
                await SendAsync(new BillingRequest(_o.PileCode), ct);
                break;
            case BillingModel model:
                if (model.IsPush)
                {
                    // The platform should push only while idle; a busy pile refuses.
                    var idle = _guns.All(g => g.Session is null);
                    if (idle) Model = model;
                    await SendAsync(new PileResultReply(MessageType.BillingSetReply, _o.PileCode, idle), ct, frame.Seq);
                }
                else Model = model;
                break;
            case ReadRealtime read:
                var target = _guns.FirstOrDefault(g => g.Number == read.Gun);
                if (target is not null) { target.LastReportAt = DateTime.UtcNow; await SendAsync(target.Realtime(_o.PileCode, _o.PileType == 1), ct, frame.Seq); }
                break;
            case TimeSync { MessageTypeCode: MessageType.TimeSync } sync:
                await SendAsync(new TimeSync(MessageType.TimeSyncReply, _o.PileCode, sync.Time), ct, frame.Seq);
                break;
            case WorkParams p:
                var ok = p.MaxPowerPercent is >= 30 and <= 100;
                if (ok) { Disabled = p.Disabled; MaxPowerPercent = p.MaxPowerPercent; }
                await SendAsync(new PileResultReply(MessageType.WorkParamsReply, _o.PileCode, ok), ct, frame.Seq);
                break;
            case Reboot reboot:
                await SendAsync(new PileResultReply(MessageType.RebootReply, _o.PileCode, true), ct, frame.Seq);
                if (reboot.Control == 1 || _guns.All(g => g.Session is null)) _ = RebootSoonAsync();
                else _rebootWhenIdle = true;
                break;
            case RemoteStart start:
                await StartChargingAsync(start, frame.Seq, ct);
                break;
            case RemoteStop stop:
                var charging = _guns.FirstOrDefault(g => g.Number == stop.Gun);
                var running = charging?.Session is not null;
                await SendAsync(new RemoteStopReply(_o.PileCode, stop.Gun, running, running ? (byte)0 : (byte)2), ct, frame.Seq);
                if (running) await FinishChargingAsync(charging!, stopReason: 0x40, ct);
                break;
            case StartAuthorization auth:
                _startAuthorization?.TrySetResult(auth);
                break;
            case TransactionConfirm confirm:
                Interlocked.Increment(ref _confirmations);
                foreach (var g in _guns.Where(g => g.PendingRecord?.Serial == confirm.Serial))
                {
                    g.PendingRecord = null;
                    lock (Records)
                    {
                        var i = Records.FindIndex(r => r.Record.Serial == confirm.Serial);
                        if (i >= 0) Records[i] = (Records[i].Record, true);
                    }
                }
                if (_rebootWhenIdle && _guns.All(g => g.Session is null)) _ = RebootSoonAsync();
                break;
        }
    }

    private bool _rebootWhenIdle;

    /// <summary>Set by 0x52: the pile refuses to start while disabled.</summary>
    public bool Disabled { get; private set; }
    public byte MaxPowerPercent { get; private set; } = 100;

    private async Task RebootSoonAsync()
    {
        _rebootWhenIdle = false;
        await Task.Delay(200);
        _log.LogInformation("Simulated pile {Pile}: rebooting", _o.PileCode);
        _connectionCts?.Cancel(); // the run loop reconnects and logs in again
        _socket?.Dispose();
    }

    private async Task StartChargingAsync(RemoteStart start, ushort seq, CancellationToken ct)
    {
        var gun = _guns.FirstOrDefault(g => g.Number == start.Gun);
        byte reason = start.PileCode != _o.PileCode ? (byte)0x01
            : gun is null ? (byte)0x01
            : gun.Session is not null ? (byte)0x02
            : gun.FaultBits != 0 || Disabled ? (byte)0x03
            : (byte)0x00;
        await SendAsync(new RemoteStartReply(start.Serial, _o.PileCode, start.Gun, reason == 0, reason), ct, seq);
        if (reason != 0) return;
        gun!.PluggedIn = true;
        gun.Session = new ChargingSession(start.Serial, DateTime.UtcNow, soc: Random.Shared.Next(15, 60), maxPowerKw: _o.PowerKw * MaxPowerPercent / 100m,
            isAc: _o.PileType == 1, meterStart: gun.MeterReading, balanceFen: start.BalanceFen);
        await SendRealtimeAsync(gun);
    }

    /// <summary>
    /// Starts a charge on the pile's own initiative (as an offline card start would), with a pile-made serial:
    /// the load tool uses it to keep a share of guns charging and reporting every 15 s.
    /// </summary>
    public Task StartLocalChargeAsync(int gunNumber, string? serial = null)
    {
        var gun = _guns[gunNumber - 1];
        if (gun.Session is not null) return Task.CompletedTask;
        var now = DateTime.UtcNow.AddHours(8);
        serial ??= $"{_o.PileCode}{gun.Number:00}{now:yyMMddHHmmss}{Random.Shared.Next(10000):0000}";
        gun.PluggedIn = true;
        gun.Session = new ChargingSession(serial, DateTime.UtcNow, soc: Random.Shared.Next(15, 60), maxPowerKw: _o.PowerKw, isAc: _o.PileType == 1, meterStart: gun.MeterReading);
        return SendRealtimeAsync(gun);
    }

    private TaskCompletionSource<StartAuthorization>? _startAuthorization;
    private int _confirmations;

    /// <summary>How many 0x40 confirmations the platform has sent (resends included).</summary>
    public int Confirmations => Volatile.Read(ref _confirmations);

    /// <summary>Sends a record again, as a pile that missed the confirmation (or a faulty one) does.</summary>
    public Task ResendRecordAsync(TransactionRecord record, CancellationToken ct = default) => SendAsync(record, ct);

    /// <summary>
    /// A driver swipes a card (mode 1) or the car sends its VIN (mode 3): the pile asks the platform (0x31) and,
    /// if authorised (0x32), charges under the serial the platform gave. Returns the platform's answer.
    /// </summary>
    public async Task<StartAuthorization> RequestStartAsync(int gunNumber, string? card = null, string? vin = null, CancellationToken ct = default)
    {
        var gun = _guns[gunNumber - 1];
        var answer = new TaskCompletionSource<StartAuthorization>(TaskCreationOptions.RunContinuationsAsynchronously);
        _startAuthorization = answer;
        await SendAsync(new PileStartRequest(_o.PileCode, gun.Number, card is not null ? (byte)1 : (byte)3, false,
            card ?? "0000000000000000", new string('0', 32), vin ?? ""), ct);
        var auth = await answer.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        if (!auth.Authorized || gun.Session is not null) return auth;
        gun.PluggedIn = true;
        gun.Session = new ChargingSession(auth.Serial, DateTime.UtcNow, soc: Random.Shared.Next(15, 60), maxPowerKw: _o.PowerKw * MaxPowerPercent / 100m,
            isAc: _o.PileType == 1, meterStart: gun.MeterReading, balanceFen: auth.BalanceFen);
        await SendRealtimeAsync(gun);
        return auth;
    }

    /// <summary>Stops a gun's charge at the pile (the driver pressed stop): the record follows at once.</summary>
    public Task StopLocalChargeAsync(int gunNumber, CancellationToken ct = default)
    {
        var gun = _guns[gunNumber - 1];
        return gun.Session is null ? Task.CompletedTask : FinishChargingAsync(gun, stopReason: 0x45, ct);
    }

    private async Task FinishChargingAsync(SimulatedGun gun, byte stopReason, CancellationToken ct)
    {
        var session = gun.Session!;
        gun.Session = null;
        var record = session.ToRecord(_o.PileCode, gun.Number, stopReason, Model);
        gun.MeterReading = record.MeterStop;
        gun.PendingRecord = record;
        lock (Records) Records.Add((record, false));
        if (_o.UnplugAfterCharge is { } after) gun.UnplugAt = DateTime.UtcNow + after;
        await SendRealtimeAsync(gun);
        await SendAsync(record, ct);
    }
}
