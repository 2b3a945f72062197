using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using ChargeConsole.Devices.Ykc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeConsole.Devices.Simulator;

public sealed record SimulatedPileOptions
{
    public required string PileCode { get; init; }
    public int GunCount { get; init; } = 2;
    /// <summary>0 = DC, 1 = AC.</summary>
    public byte PileType { get; init; }
    public byte ProtocolVersion { get; init; } = 0x0F;
    public decimal PowerKw { get; init; } = 120m;
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ChargingReportInterval { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan IdleReportInterval { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan LoginRetryInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>How long the pile waits for 0x40 before resending a transaction record.</summary>
    public TimeSpan RecordResendInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The driver unplugs this long after a charge ends (the gun goes back to idle); null leaves the car plugged in.</summary>
    public TimeSpan? UnplugAfterCharge { get; init; }
    /// <summary>Charge on past the balance the platform gave (a faulty pile): for tests of the console's own stop.</summary>
    public bool IgnoreBalance { get; init; }
}

public enum SimulatedPileState { Disconnected, Connecting, LoggingIn, Online, LoginRefused, Stopped }

/// <summary>
/// A pile as the protocol describes it, over a real TCP socket: logs in, keeps heartbeats, answers the
/// platform's commands, charges on remote start and reports a transaction record (resent until 0x40).
/// It speaks only through the YKC codec, never through the server's own session code.
/// </summary>
public sealed partial class SimulatedPile : IAsyncDisposable
{
    private readonly SimulatedPileOptions _o;
    private readonly string _host;
    private readonly int _port;
    private readonly ILogger _log;
    private readonly SimulatedGun[] _guns;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private Socket? _socket;
    private PipeWriter? _output;
    private int _seq;
    private int _missedHeartbeats;
    private TaskCompletionSource<bool>? _loginReply;
    private CancellationTokenSource? _connectionCts;

    public SimulatedPile(SimulatedPileOptions options, string host, int port, ILogger? log = null)
    {
        _o = options;
        _host = host;
        _port = port;
        _log = log ?? NullLogger.Instance;
        _guns = Enumerable.Range(1, options.GunCount).Select(n => new SimulatedGun((byte)n)).ToArray();
    }

    public string PileCode => _o.PileCode;
    public SimulatedPileState State { get; private set; } = SimulatedPileState.Disconnected;
    public int Logins { get; private set; }
    public BillingModel? Model { get; private set; }
    public IReadOnlyList<SimulatedGun> Guns => _guns;
    /// <summary>Round-trip times of answered heartbeats, for the load tool.</summary>
    public event Action<TimeSpan>? HeartbeatAnswered;
    /// <summary>Transaction records sent, with whether the platform has confirmed them.</summary>
    public List<(TransactionRecord Record, bool Confirmed)> Records { get; } = [];

    public void Start() => _run ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Goes away as a pile losing power would: the connection closes without a word.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        _socket?.Dispose();
        if (_run is not null) { try { await _run; } catch (OperationCanceledException) { } }
        State = SimulatedPileState.Stopped;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Sets a gun's hardware fault bits (0 clears) and reports it at once, as a pile does on change.</summary>
    public Task InjectFaultAsync(int gun, ushort faultBits)
    {
        var g = _guns[gun - 1];
        g.FaultBits = faultBits;
        return SendRealtimeAsync(g);
    }

    /// <summary>Plugs the car in or out on a gun (reported at once).</summary>
    public Task PlugAsync(int gun, bool pluggedIn)
    {
        var g = _guns[gun - 1];
        g.PluggedIn = pluggedIn;
        return SendRealtimeAsync(g);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ConnectAndServeAsync(ct);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                _log.LogDebug("Simulated pile {Pile}: connection ended ({Reason})", _o.PileCode, e.Message);
            }
            catch (Exception e)
            {
                // A real pile never stops trying: whatever went wrong, it reconnects.
                _log.LogWarning(e, "Simulated pile {Pile}: connection failed; reconnecting", _o.PileCode);
            }
            if (State == SimulatedPileState.LoginRefused || ct.IsCancellationRequested) return;
            State = SimulatedPileState.Disconnected;
            try { await Task.Delay(_o.ReconnectDelay, ct); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task ConnectAndServeAsync(CancellationToken stop)
    {
        State = SimulatedPileState.Connecting;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _connectionCts = connection;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket;
        await socket.ConnectAsync(_host, _port, stop);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        _output = PipeWriter.Create(stream);
        var input = PipeReader.Create(stream);
        _seq = 0; // SEQ restarts on every connection
        _missedHeartbeats = 0;
        var reader = ReadLoopAsync(input, connection.Token);

        State = SimulatedPileState.LoggingIn;
        if (!await LogInAsync(connection.Token))
        {
            connection.Cancel();
            return;
        }
        State = SimulatedPileState.Online;
        Logins++;
        await SendAsync(new BillingVerify(_o.PileCode, Model?.ModelNumber ?? 0), connection.Token);
        foreach (var gun in _guns) await SendRealtimeAsync(gun);
        foreach (var gun in _guns.Where(g => g.PendingRecord is not null)) await SendAsync(gun.PendingRecord!, connection.Token);

        var timers = Task.WhenAll(HeartbeatLoopAsync(connection.Token), ReportLoopAsync(connection.Token), RecordResendLoopAsync(connection.Token));
        await Task.WhenAny(reader, timers);
        connection.Cancel();
        try { await timers; } catch (OperationCanceledException) { }
        try { await reader; } catch (OperationCanceledException) { } // stopping cancels the read loop too
    }

    private async Task<bool> LogInAsync(CancellationToken ct)
    {
        var login = new LoginRequest(_o.PileCode, _o.PileType, (byte)_o.GunCount, _o.ProtocolVersion, "SIM-1.0", 0x01, new string('0', 20), 0x04);
        while (!ct.IsCancellationRequested)
        {
            _loginReply = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            await SendAsync(login, ct);
            var answered = await Task.WhenAny(_loginReply.Task, Task.Delay(_o.LoginRetryInterval, ct));
            if (answered == _loginReply.Task)
            {
                // Cancelled: the connection ended before an answer (the console dropped it): log in again on a new one.
                if (_loginReply.Task.IsCanceled) return false;
                if (_loginReply.Task.Result) return true;
                State = SimulatedPileState.LoginRefused;
                return false;
            }
        }
        return false;
    }

    private async Task ReadLoopAsync(PipeReader input, CancellationToken ct)
    {
        var filter = new YkcPipelineFilter();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await input.ReadAsync(ct);
                var buffer = result.Buffer;
                while (filter.TryRead(ref buffer, out var frame)) await OnFrameAsync(frame, ct);
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException) { }
        finally
        {
            _loginReply?.TrySetCanceled();
            _connectionCts?.Cancel();
        }
    }

    private async Task SendAsync(IYkcMessage message, CancellationToken ct, ushort? seq = null)
    {
        var output = _output;
        if (output is null) return;
        var frame = message.ToFrame(seq ?? (ushort)(Interlocked.Increment(ref _seq) & 0xFFFF));
        await _sendLock.WaitAsync(ct);
        try
        {
            var length = frame.Write(output.GetSpan(frame.EncodedLength));
            output.Advance(length);
            await output.FlushAsync(ct);
        }
        finally { _sendLock.Release(); }
    }

    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_o.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            // After three unanswered heartbeats the pile treats the link as down and logs in again.
            if (Interlocked.Increment(ref _missedHeartbeats) > 3 * _guns.Length)
            {
                _log.LogInformation("Simulated pile {Pile}: heartbeats unanswered, reconnecting", _o.PileCode);
                return;
            }
            foreach (var gun in _guns)
            {
                gun.HeartbeatSentAt = System.Diagnostics.Stopwatch.GetTimestamp();
                await SendAsync(new Heartbeat(_o.PileCode, gun.Number, gun.FaultBits != 0), ct);
            }
        }
    }

    private async Task ReportLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var now = DateTime.UtcNow;
            foreach (var gun in _guns)
            {
                if (gun.Session is { } session) session.Accrue(now, _o.PowerKw, Model);
                var interval = gun.Session is null ? _o.IdleReportInterval : _o.ChargingReportInterval;
                if (now - gun.LastReportAt >= interval) await SendRealtimeAsync(gun);
                if (gun.Session is { Full: true }) await FinishChargingAsync(gun, stopReason: 0x41, ct); // SOC 100 %
                else if (!_o.IgnoreBalance && gun.Session is { BalanceReached: true }) await FinishChargingAsync(gun, stopReason: 0x4E, ct); // 余额不足
                else if (gun.Session is null && gun.UnplugAt is { } unplug && now >= unplug)
                {
                    gun.UnplugAt = null;
                    await PlugAsync(gun.Number, false); // the driver takes the cable and leaves
                }
            }
        }
    }

    private async Task RecordResendLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_o.RecordResendInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            foreach (var gun in _guns.Where(g => g.PendingRecord is not null)) await SendAsync(gun.PendingRecord!, ct);
        }
    }

    private Task SendRealtimeAsync(SimulatedGun gun)
    {
        gun.LastReportAt = DateTime.UtcNow;
        return SendAsync(gun.Realtime(_o.PileCode, _o.PileType == 1), _connectionCts?.Token ?? CancellationToken.None);
    }
}
