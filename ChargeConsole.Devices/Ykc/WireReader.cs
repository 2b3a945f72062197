using System.Buffers.Binary;
using System.Text;

namespace ChargeConsole.Devices.Ykc;

/// <summary>Reads YKC body fields in order: BCD codes, little-endian scaled integers, CP56Time2a, ASCII.</summary>
public ref struct WireReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _pos;

    public readonly int Remaining => _body.Length - _pos;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (_pos + n > _body.Length) throw new YkcFormatException($"body too short: needs {_pos + n} bytes, has {_body.Length}");
        var s = _body.Slice(_pos, n);
        _pos += n;
        return s;
    }

    public byte Byte() => Take(1)[0];
    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>A 5-byte little-endian integer (meter readings in 0x3B).</summary>
    public long UInt40()
    {
        var s = Take(5);
        long v = 0;
        for (var i = 4; i >= 0; i--) v = v << 8 | s[i];
        return v;
    }

    public string Bcd(int bytes) => Wire.BcdToString(Take(bytes));

    /// <summary>A gun number: one BCD byte.</summary>
    public byte Gun()
    {
        var b = Byte();
        if ((b >> 4) > 9 || (b & 0xF) > 9) throw new YkcFormatException($"gun 0x{b:X2} is not BCD");
        return (byte)((b >> 4) * 10 + (b & 0xF));
    }

    /// <summary>A BCD number (e.g. the billing-model number); a non-decimal nibble is a format error.</summary>
    public int BcdNumber(int bytes)
    {
        var digits = Bcd(bytes);
        return digits.All(char.IsAsciiDigit) ? int.Parse(digits) : throw new YkcFormatException($"'{digits}' is not BCD");
    }
    public string Hex(int bytes) => Convert.ToHexString(Take(bytes));
    public byte[] Raw(int bytes) => Take(bytes).ToArray();

    public string Ascii(int bytes)
    {
        var s = Take(bytes);
        var end = s.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? s : s[..end]);
    }

    public DateTime Cp56() => Wire.ReadCp56(Take(7));
}

/// <summary>Writes YKC body fields; the inverse of <see cref="WireReader"/>.</summary>
public sealed class WireWriter(int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _pos;

    private Span<byte> Next(int n)
    {
        var s = _buffer.AsSpan(_pos, n);
        _pos += n;
        return s;
    }

    public WireWriter Byte(byte v) { Next(1)[0] = v; return this; }
    public WireWriter UInt16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(Next(2), v); return this; }
    public WireWriter UInt32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(Next(4), v); return this; }

    public WireWriter UInt40(long v)
    {
        var s = Next(5);
        for (var i = 0; i < 5; i++) { s[i] = (byte)v; v >>= 8; }
        return this;
    }

    public WireWriter Bcd(string digits, int bytes) { Wire.WriteBcd(digits, Next(bytes)); return this; }
    public WireWriter Hex(string hex, int bytes) { Convert.FromHexString(hex.PadLeft(bytes * 2, '0')).CopyTo(Next(bytes)); return this; }
    public WireWriter Raw(ReadOnlySpan<byte> bytes) { bytes.CopyTo(Next(bytes.Length)); return this; }

    public WireWriter Ascii(string? text, int bytes)
    {
        var s = Next(bytes);
        s.Clear();
        if (text is not null) Encoding.ASCII.GetBytes(text.AsSpan(0, Math.Min(text.Length, bytes)), s);
        return this;
    }

    public WireWriter Cp56(DateTime time) { Wire.WriteCp56(time, Next(7)); return this; }

    public byte[] ToArray() => _pos == _buffer.Length ? _buffer : _buffer[.._pos];
}

public static class Wire
{
    /// <summary>Packed BCD digits as text; a nibble over 9 shows as A–F (the same as hex).</summary>
    public static string BcdToString(ReadOnlySpan<byte> bcd) => Convert.ToHexString(bcd);

    public static void WriteBcd(string digits, Span<byte> destination)
    {
        var padded = digits.PadLeft(destination.Length * 2, '0');
        if (padded.Length != destination.Length * 2) throw new ArgumentException($"'{digits}' does not fit in {destination.Length} BCD bytes.");
        for (var i = 0; i < destination.Length; i++)
            destination[i] = (byte)(Convert.ToByte(padded[2 * i].ToString(), 16) << 4 | Convert.ToByte(padded[2 * i + 1].ToString(), 16));
    }

    /// <summary>CP56Time2a to a time as the pile states it (China time, no zone). Weekday bits are masked.</summary>
    public static DateTime ReadCp56(ReadOnlySpan<byte> b)
    {
        var ms = BinaryPrimitives.ReadUInt16LittleEndian(b);
        var minute = b[2] & 0x3F;
        var hour = b[3] & 0x1F;
        var day = b[4] & 0x1F;
        var month = b[5] & 0x0F;
        var year = 2000 + (b[6] & 0x7F);
        if (ms > 59_999 || minute > 59 || hour > 23 || day is < 1 or > 31 || month is < 1 or > 12 || day > DateTime.DaysInMonth(year, month))
            throw new YkcFormatException($"invalid CP56Time2a {Convert.ToHexString(b)}");
        return new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified).AddMilliseconds(ms);
    }

    public static void WriteCp56(DateTime t, Span<byte> b)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(t.Second * 1000 + t.Millisecond));
        b[2] = (byte)t.Minute;
        b[3] = (byte)t.Hour;
        b[4] = (byte)t.Day; // weekday bits 0 = unused, as the spec allows
        b[5] = (byte)t.Month;
        b[6] = (byte)(t.Year - 2000);
    }
}

/// <summary>A body that does not match its message layout. The session logs it and goes on.</summary>
public sealed class YkcFormatException(string message) : Exception(message);
