using System.Buffers;
using System.Buffers.Binary;

namespace ChargeConsole.Devices.Ykc;

/// <summary>
/// The one place that finds frames in a pile's byte stream, in the shape of SuperSocket's
/// FixedHeaderPipelineFilter: a 2-byte header (start, LEN) gives the frame length. It accepts the CRC in
/// either byte order and resynchronises on the next 0x68 past garbage, bad CRCs and impossible lengths.
/// </summary>
public sealed class YkcPipelineFilter
{
    /// <summary>The smallest LEN: SEQ(2) + ENC + TYPE with an empty body.</summary>
    private const int MinLen = 4;

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
        frame = default;
        while (true)
        {
            var start = buffer.PositionOf(YkcFrame.Start);
            if (start is null)
            {
                SkippedBytes += buffer.Length;
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            var skipped = buffer.Slice(0, start.Value).Length;
            SkippedBytes += skipped;
            buffer = buffer.Slice(start.Value);
            if (buffer.Length < 2) return false;

            var len = buffer.Slice(1, 1).FirstSpan[0];
            if (len < MinLen)
            {
                Skip(ref buffer);
                continue;
            }
            var total = len + 4;
            if (buffer.Length < total) return false;

            Span<byte> bytes = stackalloc byte[total];
            buffer.Slice(0, total).CopyTo(bytes);
            var covered = bytes.Slice(2, len);
            var crc = Crc16Modbus.Compute(covered);
            var wire = bytes.Slice(2 + len, 2);
            if (BinaryPrimitives.ReadUInt16LittleEndian(wire) != crc && BinaryPrimitives.ReadUInt16BigEndian(wire) != crc)
            {
                BadFrames++;
                Skip(ref buffer);
                continue;
            }

            frame = new YkcFrame(YkcFrame.SeqFromWire(bytes[2], bytes[3]), bytes[4], bytes[5], bytes.Slice(YkcFrame.HeaderLength, len - 4).ToArray());
            buffer = buffer.Slice(total);
            return true;
        }
    }

    private void Skip(ref ReadOnlySequence<byte> buffer)
    {
        SkippedBytes++;
        buffer = buffer.Slice(1);
    }
}
