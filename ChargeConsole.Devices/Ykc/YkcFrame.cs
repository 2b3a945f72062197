using System.Buffers.Binary;

namespace ChargeConsole.Devices.Ykc;

/// <summary>
/// One YKC frame: <c>68 | LEN | SEQ(2) | ENC | TYPE | BODY | CRC(2)</c>. SEQ is kept as the two bytes
/// received (replies echo them verbatim); CRC covers SEQ..BODY and is sent low byte first.
/// </summary>
public readonly record struct YkcFrame(ushort Seq, byte Encryption, byte Type, ReadOnlyMemory<byte> Body)
{
    public const byte Start = 0x68;
    public const int HeaderLength = 6;   // 68, LEN, SEQ(2), ENC, TYPE
    public const int Overhead = 8;       // header + CRC

    /// <summary>SEQ as the two wire bytes in order (first byte in the high half), so echoing is byte-exact.</summary>
    public static ushort SeqFromWire(byte first, byte second) => (ushort)(first << 8 | second);

    public int EncodedLength => Body.Length + Overhead;

    public byte[] Encode()
    {
        var buffer = new byte[EncodedLength];
        Write(buffer);
        return buffer;
    }

    public int Write(Span<byte> destination)
    {
        if (Body.Length > 251) throw new ArgumentOutOfRangeException(nameof(Body), "A YKC body is at most 251 bytes.");
        destination[0] = Start;
        destination[1] = (byte)(Body.Length + 4);
        destination[2] = (byte)(Seq >> 8);
        destination[3] = (byte)Seq;
        destination[4] = Encryption;
        destination[5] = Type;
        Body.Span.CopyTo(destination[HeaderLength..]);
        var crc = Crc16Modbus.Compute(destination.Slice(2, Body.Length + 4));
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(HeaderLength + Body.Length, 2), crc);
        return EncodedLength;
    }

    public override string ToString() => $"0x{Type:X2} seq={Seq:X4} body={Convert.ToHexString(Body.Span)}";
}
