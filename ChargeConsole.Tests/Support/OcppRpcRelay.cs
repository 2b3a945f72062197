using System.Diagnostics;
using System.Text.Json;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// <c>Interop/OcppRpc/proxy.js</c>: an ocpp-rpc server and client in strict mode between a charge point of ours and
/// the console, so every message our simulator and the console exchange is judged by ocpp-rpc's OCPP 1.6 schemas.
/// </summary>
public sealed class OcppRpcRelay : IAsyncDisposable
{
    private readonly Process _node;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OcppRpcRelay(Process node)
    {
        _node = node;
        _ = Task.Run(ReadAsync);
    }

    /// <summary>Where a charge point connects to be relayed: <c>ws://127.0.0.1:port/</c> (it adds <c>ocpp/{id}</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OcppRpcRelay> StartAsync(LiveWebApp app)
    {
        var folder = OcppRpcChargePoint.Folder;
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(folder, "proxy.js"));
        start.ArgumentList.Add($"ws://{app.Http().BaseAddress!.Authority}/ocpp");
        var relay = new OcppRpcRelay(Process.Start(start)!);
        relay.Endpoint = new Uri($"ws://127.0.0.1:{await relay._port.Task.WaitAsync(TimeSpan.FromSeconds(30))}/");
        return relay;
    }

    public IReadOnlyList<string> StrictFailures => Events("strict").Concat(Events("upstreamFailed")).Select(e => e.GetRawText()).ToList();

    /// <summary>The actions relayed from <paramref name="from"/> ("pile" or "console"), in order.</summary>
    public IReadOnlyList<string> Relayed(string from) =>
        Events("relayed").Where(e => e.GetProperty("from").GetString() == from).Select(e => e.GetProperty("method").GetString()!).ToList();

    private List<JsonElement> Events(string kind) { lock (_events) return _events.Where(e => e.GetProperty("event").GetString() == kind).ToList(); }

    private async Task ReadAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonElement e;
            try { e = JsonDocument.Parse(line).RootElement.Clone(); }
            catch (JsonException) { continue; }
            if (e.GetProperty("event").GetString() == "listening") _port.TrySetResult(e.GetProperty("port").GetInt32());
            else lock (_events) _events.Add(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { if (!_node.HasExited) _node.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _node.WaitForExitAsync();
        _node.Dispose();
    }
}
