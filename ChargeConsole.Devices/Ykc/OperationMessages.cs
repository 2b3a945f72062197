namespace ChargeConsole.Devices.Ykc;

public sealed record RemoteStart(string Serial, string PileCode, byte Gun, string LogicalCard, string PhysicalCard, uint BalanceFen) : IYkcMessage
{
    public byte Type => MessageType.RemoteStart;

    public static RemoteStart Decode(ReadOnlySpan<byte> body)
    {
        var r = new WireReader(body);
        return new(r.Bcd(16), r.Bcd(7), r.Gun(), r.Bcd(8), r.Hex(8), r.UInt32());
    }

    public byte[] EncodeBody() => new WireWriter(44).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Bcd(LogicalCard, 8).Hex(PhysicalCard, 8).UInt32(BalanceFen).ToArray();
}

/// <summary>0x33. Failure reasons: 1 pile mismatch, 2 gun already charging, 3 device fault, 4 offline, 5 gun not inserted.</summary>
public sealed record RemoteStartReply(string Serial, string PileCode, byte Gun, bool Succeeded, byte FailureReason) : IYkcMessage
{
    public byte Type => MessageType.RemoteStartReply;
    public static RemoteStartReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(16), r.Bcd(7), r.Gun(), r.Byte() == 1, r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(26).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(Succeeded ? (byte)1 : (byte)0).Byte(FailureReason).ToArray();
}

public sealed record RemoteStop(string PileCode, byte Gun) : IYkcMessage
{
    public byte Type => MessageType.RemoteStop;
    public static RemoteStop Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun()); }
    public byte[] EncodeBody() => new WireWriter(8).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).ToArray();
}

/// <summary>0x35. Reasons: 1 pile mismatch, 2 gun not charging, 3 other.</summary>
public sealed record RemoteStopReply(string PileCode, byte Gun, bool Succeeded, byte FailureReason) : IYkcMessage
{
    public byte Type => MessageType.RemoteStopReply;
    public static RemoteStopReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun(), r.Byte() == 1, r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(10).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(Succeeded ? (byte)1 : (byte)0).Byte(FailureReason).ToArray();
}

/// <summary>0x31, by card (mode 1) or VIN (mode 3). The VIN arrives reversed on the wire; this holds it in reading order.</summary>
public sealed record PileStartRequest(string PileCode, byte Gun, byte Mode, bool PasswordRequired, string PhysicalCard, string PasswordMd5Hex, string Vin) : IYkcMessage
{
    public byte Type => MessageType.PileStart;

    public static PileStartRequest Decode(ReadOnlySpan<byte> body)
    {
        var r = new WireReader(body);
        return new(r.Bcd(7), r.Gun(), r.Byte(), r.Byte() == 1, r.Hex(8), r.Hex(16), new string(r.Ascii(17).Reverse().ToArray()));
    }

    public byte[] EncodeBody() => new WireWriter(51).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(Mode).Byte(PasswordRequired ? (byte)1 : (byte)0)
        .Hex(PhysicalCard, 8).Hex(PasswordMd5Hex, 16).Ascii(new string(Vin.Reverse().ToArray()), 17).ToArray();
}

public sealed record StartAuthorization(string Serial, string PileCode, byte Gun, string LogicalCard, uint BalanceFen, bool Authorized, byte FailureReason) : IYkcMessage
{
    public byte Type => MessageType.StartAuthorization;
    public static StartAuthorization Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(16), r.Bcd(7), r.Gun(), r.Bcd(8), r.UInt32(), r.Byte() == 1, r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(38).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Bcd(LogicalCard, 8).UInt32(BalanceFen).Byte(Authorized ? (byte)1 : (byte)0).Byte(FailureReason).ToArray();
}

/// <summary>One period's part of a transaction record: unit price ×10⁵, energies and amount ×10⁴.</summary>
public sealed record PeriodUsage(uint UnitPrice, uint Energy, uint LossEnergy, uint Amount);

/// <summary>0x3B (v1.5/1.6), or 0x3D (v1.7: 43 meter bytes after the end time, kept raw).</summary>
public sealed record TransactionRecord(
    string Serial, string PileCode, byte Gun, DateTime StartTime, DateTime EndTime, IReadOnlyList<PeriodUsage> Periods,
    long MeterStart, long MeterStop, uint TotalEnergy, uint TotalLossEnergy, uint TotalAmount, string Vin, byte TradeFlag,
    DateTime TradeTime, byte StopReason, string PhysicalCard, byte[]? MeterData = null) : IYkcMessage
{
    public byte Type => MeterData is null ? MessageType.TransactionRecord : MessageType.TransactionRecordV17;

    public static TransactionRecord Decode(ReadOnlySpan<byte> body, bool v17)
    {
        var r = new WireReader(body);
        var serial = r.Bcd(16);
        var pile = r.Bcd(7);
        var gun = r.Gun();
        var start = r.Cp56();
        var end = r.Cp56();
        var meter = v17 ? r.Raw(43) : null;
        var periods = new PeriodUsage[4];
        for (var i = 0; i < 4; i++) periods[i] = new PeriodUsage(r.UInt32(), r.UInt32(), r.UInt32(), r.UInt32());
        return new(serial, pile, gun, start, end, periods, r.UInt40(), r.UInt40(), r.UInt32(), r.UInt32(), r.UInt32(), r.Ascii(17), r.Byte(), r.Cp56(), r.Byte(), r.Hex(8), meter);
    }

    public byte[] EncodeBody()
    {
        var w = new WireWriter(MeterData is null ? 158 : 201).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Cp56(StartTime).Cp56(EndTime);
        if (MeterData is not null) w.Raw(MeterData);
        foreach (var p in Periods) w.UInt32(p.UnitPrice).UInt32(p.Energy).UInt32(p.LossEnergy).UInt32(p.Amount);
        return w.UInt40(MeterStart).UInt40(MeterStop).UInt32(TotalEnergy).UInt32(TotalLossEnergy).UInt32(TotalAmount)
            .Ascii(Vin, 17).Byte(TradeFlag).Cp56(TradeTime).Byte(StopReason).Hex(PhysicalCard, 8).ToArray();
    }
}

public sealed record TransactionConfirm(string Serial, bool Accepted) : IYkcMessage
{
    public byte Type => MessageType.TransactionConfirm;
    public static TransactionConfirm Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(16), r.Byte() == 0x00); }
    public byte[] EncodeBody() => new WireWriter(17).Bcd(Serial, 16).Byte(Accepted ? (byte)0 : (byte)1).ToArray();
}

public sealed record BalanceUpdate(string PileCode, byte Gun, string PhysicalCard, uint BalanceFen) : IYkcMessage
{
    public byte Type => MessageType.BalanceUpdate;
    public static BalanceUpdate Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun(), r.Hex(8), r.UInt32()); }
    public byte[] EncodeBody() => new WireWriter(20).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Hex(PhysicalCard, 8).UInt32(BalanceFen).ToArray();
}

public sealed record BalanceUpdateReply(string PileCode, string PhysicalCard, byte Result) : IYkcMessage
{
    public byte Type => MessageType.BalanceUpdateReply;
    public static BalanceUpdateReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Hex(8), r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(16).Bcd(PileCode, 7).Hex(PhysicalCard, 8).Byte(Result).ToArray();
}

// ---- settings and maintenance ----

public sealed record WorkParams(string PileCode, bool Disabled, byte MaxPowerPercent) : IYkcMessage
{
    public byte Type => MessageType.WorkParams;
    public static WorkParams Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Byte() == 1, r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(9).Bcd(PileCode, 7).Byte(Disabled ? (byte)1 : (byte)0).Byte(MaxPowerPercent).ToArray();
}

/// <summary>The 8-byte "pile code + result (0 fail, 1 ok)" replies: 0x51, 0x57, 0x91.</summary>
public sealed record PileResultReply(byte MessageTypeCode, string PileCode, bool Succeeded) : IYkcMessage
{
    public byte Type => MessageTypeCode;
    public static PileResultReply Decode(byte type, ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(type, r.Bcd(7), r.Byte() == 1); }
    public byte[] EncodeBody() => new WireWriter(8).Bcd(PileCode, 7).Byte(Succeeded ? (byte)1 : (byte)0).ToArray();
}

/// <summary>0x56 (platform sets the time) and 0x55 (pile echoes it). Times are China local time.</summary>
public sealed record TimeSync(byte MessageTypeCode, string PileCode, DateTime Time) : IYkcMessage
{
    public byte Type => MessageTypeCode;
    public static TimeSync Decode(byte type, ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(type, r.Bcd(7), r.Cp56()); }
    public byte[] EncodeBody() => new WireWriter(14).Bcd(PileCode, 7).Cp56(Time).ToArray();
}

/// <summary>0x92. Control 1 = immediately, 2 = when idle.</summary>
public sealed record Reboot(string PileCode, byte Control) : IYkcMessage
{
    public byte Type => MessageType.Reboot;
    public static Reboot Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Byte()); }
    public byte[] EncodeBody() => new WireWriter(8).Bcd(PileCode, 7).Byte(Control).ToArray();
}
