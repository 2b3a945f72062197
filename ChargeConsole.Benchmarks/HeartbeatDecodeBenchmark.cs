using System.Buffers;
using BenchmarkDotNet.Attributes;
using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Benchmarks;

/// <summary>Issue target: heartbeat decode at 2 million frames/s or more on one core, with no allocation per frame.</summary>
[MemoryDiagnoser]
public class HeartbeatDecodeBenchmark
{
    private const int Frames = 1000;
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup() =>
        _stream = Enumerable.Range(0, Frames).SelectMany(i => new Heartbeat($"3201{i:0000000000}", (byte)(i % 2 + 1), i % 7 == 0).ToFrame((ushort)i).Encode()).ToArray();

    /// <summary>Frames 1,000 heartbeats from one buffer and reads each one's pile, gun and fault flag.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int FrameAndDecodeHeartbeats()
    {
        var filter = new YkcPipelineFilter();
        var buffer = new ReadOnlySequence<byte>(_stream);
        var faults = 0;
        while (filter.TryRead(ref buffer, out var header, out var body))
        {
            if (header.Type == MessageType.Heartbeat && HeartbeatView.TryParse(body.FirstSpan, out var hb) && hb.Fault) faults++;
        }
        return faults;
    }
}
