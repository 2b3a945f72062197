using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// A second console node as its own process on the same PostgreSQL database (so a test can kill it with -9), with the
/// settings <see cref="LiveWebApp"/> uses. Its output is kept (the last lines) for a failing test's message.
/// </summary>
public sealed class ClusterNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _sandboxStore = Path.Combine(Path.GetTempPath(), $"cc-wxsandbox-{Guid.NewGuid():N}.db");

    public int HttpPort { get; } = LiveWebApp.FreePort();
    public int YkcPort { get; } = LiveWebApp.FreePort();

    private ClusterNodeProcess(string postgres)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChargeConsole.dll"));
        foreach (var (k, v) in Settings(postgres)) { start.ArgumentList.Add($"--{k}"); start.ArgumentList.Add(v); }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What both nodes of a test cluster share: the database and the pile host's test timings.</summary>
    public static Dictionary<string, string> ClusterSettings(string postgres) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = postgres,
        ["Cluster:SiloPort"] = LiveWebApp.FreePort().ToString(),
        ["Cluster:FailureDetectionSeconds"] = "6",
    };

    private Dictionary<string, string> Settings(string postgres)
    {
        var s = ClusterSettings(postgres);
        s["urls"] = $"http://127.0.0.1:{HttpPort}";
        s["Ykc:Port"] = YkcPort.ToString();
        s["Ykc:Address"] = "127.0.0.1";
        s["Ykc:HeartbeatSeconds"] = "1";
        s["Ykc:MissedHeartbeats"] = "10";
        s["Ykc:GarbageTimeoutSeconds"] = "10";
        s["Ykc:CommandTimeoutSeconds"] = "3";
        s["BillingSync:RetrySeconds"] = "1";
        s["Demo:Enabled"] = "true";
        s["Demo:SimulatePiles"] = "false";
        s["Demo:HistoryDays"] = "0";
        s["Demo:Marketing"] = "false";
        s["WeChatPay:Sandbox:Enabled"] = "true";
        s["WeChatPay:Sandbox:KeyFolder"] = AppFactory.SandboxKeys;
        s["WeChatPay:Sandbox:StorePath"] = _sandboxStore;
        return s;
    }

    /// <summary>Starts the node and waits until it answers /readyz.</summary>
    public static async Task<ClusterNodeProcess> StartAsync(string postgres)
    {
        var node = new ClusterNodeProcess(postgres);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.HttpPort}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !node._process.HasExited)
        {
            try { if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return node; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        var log = node.Output;
        await node.DisposeAsync();
        throw new InvalidOperationException("The second node did not become ready:\n" + log);
    }

    /// <summary>kill -9: no shutdown of any kind; its sockets are reset by the kernel.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string Output => string.Join('\n', _output);

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 300) _output.TryDequeue(out _);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        if (File.Exists(_sandboxStore)) File.Delete(_sandboxStore);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The balancer's pile port in miniature (nginx's stream block with a backup server): each connection goes to the
/// first target that accepts it, and both directions are copied until either side closes.
/// </summary>
public sealed class TcpFailover : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int[] _targets;
    private readonly Task _accepting;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TcpFailover(params int[] targets)
    {
        _targets = targets;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            foreach (var port in _targets)
            {
                using var upstream = new TcpClient();
                try { await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token); }
                catch (SocketException) { continue; }
                var a = client.GetStream();
                var b = upstream.GetStream();
                try { await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token)); }
                catch (Exception) { }
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
