using ChargeConsole.Tests.Support;
using System.Buffers;
using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Tests.Devices;

/// <summary>The frame filter against large and adversarial input: long runs of start bytes, maximal LEN, split reads.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class FrameFilterAttackTests
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
            if (previous is not null) previous.Next = this;
        }
    }

    /// <summary>The bytes as a sequence of many small segments, as a socket's reads arrive.</summary>
    private static ReadOnlySequence<byte> Split(byte[] bytes, int segmentSize)
    {
        Segment? first = null, last = null;
        for (var i = 0; i < bytes.Length; i += segmentSize)
        {
            var part = bytes.AsMemory(i, Math.Min(segmentSize, bytes.Length - i));
            last = new Segment(part, last, i);
            first ??= last;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private static readonly byte[] HeartbeatFrame = new Heartbeat("32010200000001", 1, false).ToFrame(7).Encode();

    [Fact]
    public void A_megabyte_of_start_bytes_in_small_reads_is_skipped_without_exhausting_the_stack()
    {
        var bytes = Enumerable.Repeat(YkcFrame.Start, 1 << 20).Concat(HeartbeatFrame).ToArray();
        var buffer = Split(bytes, 7); // every candidate frame spans segments
        var filter = new YkcPipelineFilter();

        Assert.True(filter.TryRead(ref buffer, out var frame));
        Assert.Equal(MessageType.Heartbeat, frame.Type);
        Assert.True(filter.SkippedBytes >= 1 << 20);
    }

    [Fact]
    public void A_corrupted_header_with_a_large_LEN_does_not_hold_back_the_frames_behind_it()
    {
        // 0x68 then LEN 0xFF: the old filter waited for 259 bytes, swallowing the heartbeats that follow.
        var bytes = new byte[] { 0x68, 0xFF }.Concat(HeartbeatFrame).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var filter = new YkcPipelineFilter();

        Assert.True(filter.TryRead(ref buffer, out var frame));
        Assert.Equal(MessageType.Heartbeat, frame.Type);
        Assert.Equal(7, frame.Seq);
    }

    [Theory]
    [InlineData(0x03, 60)]   // a heartbeat is 9 bytes
    [InlineData(0x3B, 200)]  // a record is 158
    [InlineData(0x7F, 9)]    // no such type
    public void A_header_whose_LEN_does_not_fit_its_type_is_rejected_as_soon_as_the_type_is_in(byte type, int bodyLength)
    {
        var header = new byte[] { 0x68, (byte)(bodyLength + 4), 0x00, 0x01, 0x00, type };
        var buffer = new ReadOnlySequence<byte>(header.Concat(HeartbeatFrame).ToArray());
        var filter = new YkcPipelineFilter();

        Assert.True(filter.TryRead(ref buffer, out var frame));
        Assert.Equal(MessageType.Heartbeat, frame.Type);
    }

    [Fact]
    public void Random_noise_of_a_megabyte_never_yields_a_frame_that_fails_its_CRC()
    {
        var random = new Random(42);
        var noise = new byte[1 << 20];
        random.NextBytes(noise);
        for (var i = 0; i < noise.Length; i += 97) noise[i] = YkcFrame.Start; // plenty of false starts
        var buffer = Split(noise.Concat(HeartbeatFrame).ToArray(), 1500);
        var filter = new YkcPipelineFilter();
        var frames = new List<YkcFrame>();
        while (filter.TryRead(ref buffer, out var frame)) frames.Add(frame);

        Assert.Equal(MessageType.Heartbeat, frames[^1].Type);
        Assert.All(frames, f => Assert.True(YkcBodyLengths.Fits(f.Type, f.Encryption, f.Body.Length)));
    }
}
