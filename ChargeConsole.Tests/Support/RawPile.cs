using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// A hand-driven pile connection for attack tests: sends whatever bytes it is given and collects every frame the
/// console sends back. It can bind a local loopback address of its own (127.0.0.2, …) to look like another host.
/// </summary>
public sealed class RawPile : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<YkcFrame> _received = [];
    private Task? _reader;

    /// <summary>Set once the console has closed the connection.</summary>
    public bool Closed { get; private set; }

    public static async Task<RawPile> ConnectAsync(int port, string localAddress = "127.0.0.1")
    {
        var pile = new RawPile();
        pile._socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        try
        {
            await pile._socket.ConnectAsync(IPAddress.Loopback, port);
        }
        catch (SocketException)
        {
            pile.Closed = true; // refused or reset at once: the console did not admit it
            return pile;
        }
        pile._reader = Task.Run(pile.ReadAsync);
        return pile;
    }

    public IReadOnlyList<YkcFrame> Received { get { lock (_received) return _received.ToList(); } }

    public int Count(byte type) { lock (_received) return _received.Count(f => f.Type == type); }

    public async Task SendAsync(byte[] bytes)
    {
        try { await _socket.SendAsync(bytes); }
        catch (SocketException) { Closed = true; }
    }

    public Task SendAsync(IYkcMessage message, ushort seq = 0) => SendAsync(message.ToFrame(seq).Encode());

    public Task LogInAsync(string pileCode, int guns = 2) => SendAsync(new LoginRequest(pileCode, 0, (byte)guns, 0x0F, "RAW", 1, new string('0', 20), 4));

    /// <summary>Sends these bytes and closes its side at once, as a pile that answers and then reboots.</summary>
    public async Task SendAndCloseAsync(byte[] bytes)
    {
        await SendAsync(bytes);
        _socket.Shutdown(SocketShutdown.Send);
    }

    private async Task ReadAsync()
    {
        var filter = new YkcPipelineFilter();
        var pending = new List<byte>();
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(chunk);
                if (n == 0) break;
                pending.AddRange(chunk.AsSpan(0, n));
                var buffer = new ReadOnlySequence<byte>(pending.ToArray());
                while (filter.TryRead(ref buffer, out var frame)) lock (_received) _received.Add(frame);
                pending = buffer.ToArray().ToList();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        Closed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (_reader is not null) await _reader;
    }
}
