using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// An independent OCPP 1.6J charge point: <c>Interop/OcppRpc/chargepoint.js</c>, built on npm's ocpp-rpc 2.2.1 in
/// strict mode, run with the machine's Node. The test sends it calls and reads what the console sent it; every
/// message either way is checked by ocpp-rpc against the OCPP 1.6 schemas it ships, and any failure is kept in
/// <see cref="StrictFailures"/>.
/// </summary>
public sealed class OcppRpcChargePoint : IAsyncDisposable
{
    private readonly Process _node;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _strict = [];
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _calls = [];
    private readonly Channel<JsonElement> _consoleCalls = Channel.CreateUnbounded<JsonElement>();
    private int _nextId;

    public IReadOnlyList<string> StrictFailures { get { lock (_strict) return [.. _strict]; } }
    public string Identity { get; }

    private OcppRpcChargePoint(Process node, string identity)
    {
        _node = node;
        Identity = identity;
        _ = Task.Run(ReadAsync);
    }

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChargeConsole.sln"))) dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "ChargeConsole.Tests", "Interop", "OcppRpc");
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "ocpp-rpc")))
                throw new InvalidOperationException($"ocpp-rpc is not installed in {folder}: run scripts/test.sh (it runs npm ci there)");
            return folder;
        }
    }

    /// <summary>Starts the charge point and waits for its WebSocket to open; throws with the HTTP status if refused.</summary>
    public static async Task<OcppRpcChargePoint> ConnectAsync(LiveWebApp app, string identity, string? password = null)
    {
        var folder = Folder;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(folder, "chargepoint.js"), $"ws://{app.Http().BaseAddress!.Authority}/ocpp", identity, password ?? "-" })
            start.ArgumentList.Add(a);
        var chargePoint = new OcppRpcChargePoint(Process.Start(start)!, identity);
        var first = await chargePoint.NextEventAsync(e => e.GetProperty("event").GetString() is "open" or "connectFailed");
        if (first.GetProperty("event").GetString() != "open")
        {
            await chargePoint.DisposeAsync();
            throw new OcppClient.UpgradeRefused(first.GetProperty("status").ValueKind == JsonValueKind.Number ? first.GetProperty("status").GetInt32() : 0,
                new Exception(first.GetProperty("message").GetString()));
        }
        return chargePoint;
    }

    /// <summary>Sends a CALL from the charge point; the console's CALLRESULT payload, or throws with its CALLERROR.</summary>
    public async Task<JsonElement> CallAsync(string method, object parameters)
    {
        var id = $"t{Interlocked.Increment(ref _nextId)}";
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls) _calls[id] = answer;
        await SendAsync(new { op = "call", id, method, @params = parameters });
        var e = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (e.GetProperty("event").GetString() == "error")
            throw new OcppRpcError(e.GetProperty("code").ValueKind == JsonValueKind.String ? e.GetProperty("code").GetString()! : "", e.GetProperty("message").GetString()!);
        return e.GetProperty("result");
    }

    /// <summary>Makes the next console CALL of <paramref name="method"/> get this answer instead of the usual one.</summary>
    public Task AnswerNextAsync(string method, object result) => SendAsync(new { op = "answer", method, result });

    /// <summary>The next CALL of <paramref name="method"/> the console sent (and how the charge point answered it).</summary>
    public async Task<JsonElement> ConsoleCallAsync(string method, double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var call = await _consoleCalls.Reader.ReadAsync(timeout.Token);
            if (call.GetProperty("method").GetString() == method) return call;
        }
    }

    public async Task CloseAsync()
    {
        await SendAsync(new { op = "close" });
        await NextEventAsync(e => e.GetProperty("event").GetString() == "closed");
    }

    private async Task<JsonElement> NextEventAsync(Func<JsonElement, bool> matches)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(timeout.Token);
            if (matches(e)) return e;
        }
    }

    private async Task SendAsync(object command)
    {
        await _node.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _node.StandardInput.FlushAsync();
    }

    private async Task ReadAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonElement e;
            try { e = JsonDocument.Parse(line).RootElement.Clone(); }
            catch (JsonException) { continue; }
            switch (e.GetProperty("event").GetString())
            {
                case "result" or "error":
                    TaskCompletionSource<JsonElement>? waiting;
                    lock (_calls) _calls.Remove(e.GetProperty("id").GetString()!, out waiting);
                    waiting?.TrySetResult(e);
                    break;
                case "call": _consoleCalls.Writer.TryWrite(e); break;
                case "strict" or "badMessage": lock (_strict) _strict.Add(e.GetRawText()); break;
                default: _events.Writer.TryWrite(e); break;
            }
        }
        _events.Writer.TryWrite(JsonDocument.Parse("""{"event":"closed"}""").RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        try { if (!_node.HasExited) _node.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _node.WaitForExitAsync();
        _node.Dispose();
    }

    public sealed class OcppRpcError(string code, string message) : Exception($"{code}: {message}")
    {
        public string Code { get; } = code;
    }
}
