using System.Buffers;
using System.Buffers.Binary;

namespace ChargeConsole.Devices.Ykc;

/// <summary>
/// The one place that finds frames in a pile's byte stream, in the shape of SuperSocket's
/// FixedHeaderPipelineFilter: a 2-byte header (start, LEN) gives the frame length. It accepts the CRC in
/// either byte order and resynchronises on the next 0x68 past garbage, bad CRCs and impossible lengths. A LEN
/// that does not fit the frame's type (<see cref="YkcBodyLengths"/>) is rejected as soon as the type byte is in,
/// so a corrupted header never makes the filter wait for bytes that are really the next frames.
/// </summary>
public sealed class YkcPipelineFilter
{
    /// <summary>The smallest LEN: SEQ(2) + ENC + TYPE with an empty body.</summary>
    private const int MinLen = 4;

    /// <summary>One frame's bytes when they span segments: the largest frame is 255 + 4 bytes. Allocated once.</summary>
    private readonly byte[] _scratch = new byte[255 + 4];

    /// <summary>Bytes dropped while resynchronising, since this filter was created.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Frames dropped for a CRC that matched in neither byte order.</summary>
    public long BadFrames { get; private set; }

    /// <summary>
    /// Reads the next frame from <paramref name="buffer"/>, advancing it past the frame and any garbage
    /// before it. Returns false when more bytes are needed. The body is copied, so the frame outlives the
    /// buffer.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out YkcFrame frame)
    {
        if (!TryRead(ref buffer, out var header, out var body))
        {
            frame = default;
            return false;
        }
        frame = new YkcFrame(header.Seq, header.Encryption, header.Type, body.ToArray());
        return true;
    }

    /// <summary>
    /// The allocation-free form: <paramref name="body"/> is a slice of <paramref name="buffer"/>'s memory, valid
    /// until the reader advances past it (the hot path for heartbeats).
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out YkcFrameHeader header, out ReadOnlySequence<byte> body)
    {
        header = default;
        body = default;
        while (true)
        {
            var start = buffer.PositionOf(YkcFrame.Start);
            if (start is null)
            {
                SkippedBytes += buffer.Length;
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            SkippedBytes += buffer.Slice(0, start.Value).Length;
            buffer = buffer.Slice(start.Value);
            if (buffer.Length < 2) return false;

            var len = buffer.Slice(1, 1).FirstSpan[0];
            if (len < MinLen)
            {
                Skip(ref buffer);
                continue;
            }
            if (buffer.Length < YkcFrame.HeaderLength) return false;
            var encryption = buffer.Slice(4, 1).FirstSpan[0];
            var type = buffer.Slice(5, 1).FirstSpan[0];
            if (!YkcBodyLengths.Fits(type, encryption, len - 4))
            {
                Skip(ref buffer);
                continue;
            }
            var total = len + 4;
            if (buffer.Length < total) return false;

            var candidate = buffer.Slice(0, total);
            ReadOnlySpan<byte> frame = candidate.IsSingleSegment ? candidate.FirstSpan : CopyTo(candidate, _scratch.AsSpan(0, total));
            var crc = Crc16Modbus.Compute(frame.Slice(2, len));
            var wire = frame.Slice(2 + len, 2);
            if (BinaryPrimitives.ReadUInt16LittleEndian(wire) != crc && BinaryPrimitives.ReadUInt16BigEndian(wire) != crc)
            {
                BadFrames++;
                Skip(ref buffer);
                continue;
            }

            header = new YkcFrameHeader(YkcFrame.SeqFromWire(frame[2], frame[3]), frame[4], frame[5]);
            body = candidate.Slice(YkcFrame.HeaderLength, len - 4);
            buffer = buffer.Slice(total);
            return true;
        }
    }

    private static ReadOnlySpan<byte> CopyTo(in ReadOnlySequence<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return destination;
    }

    private void Skip(ref ReadOnlySequence<byte> buffer)
    {
        SkippedBytes++;
        buffer = buffer.Slice(1);
    }
}

/// <summary>A frame's header fields: SEQ as received, encryption flag, message type.</summary>
public readonly record struct YkcFrameHeader(ushort Seq, byte Encryption, byte Type);
