using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// A bare OCPP-J charge point for tests: it sends exactly the text it is given and hands back every message the
/// console sends, so tests can send what no well-behaved charge point would.
/// </summary>
public sealed class OcppClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reader;

    private OcppClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Connects to <c>/ocpp/{id}</c> of <paramref name="app"/>; throws with the refusal's status code if refused.</summary>
    public static async Task<OcppClient> ConnectAsync(LiveWebApp app, string chargePointId, string subProtocol = "ocpp1.6", string? password = null, string? user = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        if (password is not null)
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user ?? chargePointId}:{password}")));
        socket.Options.CollectHttpResponseDetails = true;
        var http = app.Http().BaseAddress!;
        var uri = new Uri($"ws://{http.Authority}/ocpp/{chargePointId}");
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (WebSocketException e)
        {
            throw new UpgradeRefused((int)socket.HttpStatusCode, e);
        }
        return new OcppClient(socket);
    }

    public sealed class UpgradeRefused(int status, Exception inner) : Exception($"upgrade refused with HTTP {status}", inner)
    {
        public int Status { get; } = status;
    }

    public string? SubProtocol => _socket.SubProtocol;

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a CALL and returns the console's answer to it (a CALLRESULT or CALLERROR array).</summary>
    public async Task<JsonElement> CallAsync(string id, string action, string payload)
    {
        await SendAsync($"[2,\"{id}\",\"{action}\",{payload}]");
        return await NextAsync(m => m[0].GetInt32() != 2 && m[1].GetString() == id);
    }

    /// <summary>The next message from the console that matches (messages before it that do not are dropped).</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> matches, double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (matches(message)) return message;
        }
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).AsTask()
                        .ContinueWith(t => new WebSocketReceiveResult(t.Result.Count, t.Result.MessageType, t.Result.EndOfMessage));
                    length += result.Count;
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
                await _received.Writer.WriteAsync(doc.RootElement.Clone());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or AggregateException) { }
        finally { _received.Writer.TryComplete(); }
    }

    public async ValueTask DisposeAsync()
    {
        try { if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException) { }
        _socket.Dispose();
        await _reader;
    }
}
