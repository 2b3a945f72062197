namespace ChargeConsole.Devices.Ykc;

/// <summary>
/// The body length each YKC frame type has (PROTOCOL.md §4), so the frame filter can reject a header whose LEN
/// does not fit its type as soon as the type byte is in, instead of waiting for up to 255 bytes that never come.
/// Types outside the table are not YKC frames: a header naming one is a false start.
/// </summary>
public static class YkcBodyLengths
{
    private static readonly (short Min, short Max)[] Lengths = Build();

    /// <summary>Whether a plain (ENC 0) or 3DES (ENC 1) body of <paramref name="bodyLength"/> bytes fits <paramref name="type"/>.</summary>
    public static bool Fits(byte type, byte encryption, int bodyLength)
    {
        var (min, max) = Lengths[type];
        if (max == 0) return false;
        return encryption switch
        {
            0x00 => bodyLength >= min && bodyLength <= max,
            // 3DES pads the body to whole 8-byte blocks.
            0x01 => bodyLength >= min && bodyLength <= (max + 7) / 8 * 8 && bodyLength % 8 == 0,
            _ => false,
        };
    }

    private static (short, short)[] Build()
    {
        var t = new (short, short)[256];
        void Fixed(int type, int length) => t[type] = ((short)length, (short)length);
        Fixed(0x01, 30); Fixed(0x02, 8); Fixed(0x03, 9); Fixed(0x04, 9);
        Fixed(0x05, 9); Fixed(0x06, 10); Fixed(0x09, 7); Fixed(0x0A, 90);
        Fixed(0x12, 8); Fixed(0x13, 60);
        // Charging-process data (BMS): vendors differ by a few bytes; the console keeps them raw.
        foreach (var (type, length) in new[] { (0x15, 73), (0x17, 45), (0x19, 39), (0x1B, 32), (0x1D, 28), (0x21, 28), (0x23, 44), (0x25, 31) })
            t[type] = (24, (short)(length + 16));
        Fixed(0x31, 51); Fixed(0x32, 38); Fixed(0x33, 26); Fixed(0x34, 44); Fixed(0x35, 10); Fixed(0x36, 8);
        Fixed(0x3B, 158); Fixed(0x3D, 201); Fixed(0x40, 17); Fixed(0x41, 16); Fixed(0x42, 20);
        t[0x43] = (9, 9); t[0x44] = (8 + 16, 8 + 16 * 15);
        t[0x45] = (7, 7 + 10 * 24); t[0x46] = (8, 8 + 8 * 24);
        t[0x47] = (7, 7 + 9 * 26); t[0x48] = (8, 8 + 8 * 26);
        Fixed(0x51, 8); Fixed(0x52, 9); Fixed(0x55, 14); Fixed(0x56, 14); Fixed(0x57, 8); Fixed(0x58, 90);
        Fixed(0x61, 16); Fixed(0x62, 13); Fixed(0x63, 13);
        Fixed(0x91, 8); Fixed(0x92, 8); Fixed(0x93, 8); Fixed(0x94, 94);
        Fixed(0xA1, 58); Fixed(0xA2, 44); Fixed(0xA3, 33); Fixed(0xA4, 50);
        return t;
    }
}
