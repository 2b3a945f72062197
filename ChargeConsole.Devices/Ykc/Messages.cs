namespace ChargeConsole.Devices.Ykc;

/// <summary>A typed YKC message body. Pile-originated types are odd, platform-originated even.</summary>
public interface IYkcMessage
{
    byte Type { get; }
    byte[] EncodeBody();
}

public static class MessageType
{
    public const byte Login = 0x01, LoginReply = 0x02, Heartbeat = 0x03, HeartbeatReply = 0x04;
    public const byte BillingVerify = 0x05, BillingVerifyReply = 0x06, BillingRequest = 0x09, BillingReply = 0x0A;
    public const byte ReadRealtime = 0x12, Realtime = 0x13;
    public const byte PileStart = 0x31, StartAuthorization = 0x32, RemoteStartReply = 0x33, RemoteStart = 0x34;
    public const byte RemoteStopReply = 0x35, RemoteStop = 0x36, TransactionRecord = 0x3B, TransactionRecordV17 = 0x3D, TransactionConfirm = 0x40;
    public const byte BalanceUpdateReply = 0x41, BalanceUpdate = 0x42;
    public const byte WorkParamsReply = 0x51, WorkParams = 0x52, TimeSyncReply = 0x55, TimeSync = 0x56;
    public const byte BillingSetReply = 0x57, BillingSet = 0x58, RebootReply = 0x91, Reboot = 0x92;

    /// <summary>0x15–0x25: charging-process data (BMS handshake, config, end, errors, aborts, demand, info), kept raw.</summary>
    public static bool IsChargingProcess(byte type) => type is 0x15 or 0x17 or 0x19 or 0x1B or 0x1D or 0x21 or 0x23 or 0x25;
}

// ---- registration and heartbeat ----

public sealed record LoginRequest(string PileCode, byte PileType, byte GunCount, byte ProtocolVersion, string Firmware, byte NetworkType, string Sim, byte Operator) : IYkcMessage
{
    public byte Type => MessageType.Login;

    public static LoginRequest Decode(ReadOnlySpan<byte> body)
    {
        var r = new WireReader(body);
        return new(r.Bcd(7), r.Byte(), r.Byte(), r.Byte(), r.Ascii(8), r.Byte(), r.Hex(10), r.Byte());
    }

    public byte[] EncodeBody() => new WireWriter(30).Bcd(PileCode, 7).Byte(PileType).Byte(GunCount).Byte(ProtocolVersion)
        .Ascii(Firmware, 8).Byte(NetworkType).Hex(Sim, 10).Byte(Operator).ToArray();
}

public sealed record LoginReply(string PileCode, bool Accepted) : IYkcMessage
{
    public byte Type => MessageType.LoginReply;
    public static LoginReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Byte() == 0x00); }
    public byte[] EncodeBody() => new WireWriter(8).Bcd(PileCode, 7).Byte(Accepted ? (byte)0x00 : (byte)0x01).ToArray();
}

public sealed record Heartbeat(string PileCode, byte Gun, bool Fault) : IYkcMessage
{
    public byte Type => MessageType.Heartbeat;
    public static Heartbeat Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun(), r.Byte() == 0x01); }
    public byte[] EncodeBody() => new WireWriter(9).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(Fault ? (byte)1 : (byte)0).ToArray();
}

public sealed record HeartbeatReply(string PileCode, byte Gun) : IYkcMessage
{
    public byte Type => MessageType.HeartbeatReply;
    public static HeartbeatReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun()); }
    public byte[] EncodeBody() => new WireWriter(9).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(0).ToArray();
}

// ---- billing model ----

public sealed record BillingVerify(string PileCode, int ModelNumber) : IYkcMessage
{
    public byte Type => MessageType.BillingVerify;
    public static BillingVerify Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.BcdNumber(2)); }
    public byte[] EncodeBody() => new WireWriter(9).Bcd(PileCode, 7).Bcd(ModelNumber.ToString("0000"), 2).ToArray();
}

public sealed record BillingVerifyReply(string PileCode, int ModelNumber, bool Matches) : IYkcMessage
{
    public byte Type => MessageType.BillingVerifyReply;
    public static BillingVerifyReply Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.BcdNumber(2), r.Byte() == 0x00); }
    public byte[] EncodeBody() => new WireWriter(10).Bcd(PileCode, 7).Bcd(ModelNumber.ToString("0000"), 2).Byte(Matches ? (byte)0 : (byte)1).ToArray();
}

public sealed record BillingRequest(string PileCode) : IYkcMessage
{
    public byte Type => MessageType.BillingRequest;
    public static BillingRequest Decode(ReadOnlySpan<byte> body) => new(new WireReader(body).Bcd(7));
    public byte[] EncodeBody() => new WireWriter(7).Bcd(PileCode, 7).ToArray();
}

/// <summary>Prices per period in 1/100000 CNY (electricity, service fee), index 0..3 = sharp, peak, flat, valley.</summary>
public sealed record PeriodRate(uint Electricity, uint Service);

/// <summary>The billing model: the body of 0x0A (reply to 0x09) and of 0x58 (push), identical layouts.</summary>
public sealed record BillingModel(string PileCode, int ModelNumber, IReadOnlyList<PeriodRate> Rates, byte LossRatio, byte[] Slots, bool IsPush = false) : IYkcMessage
{
    public byte Type => IsPush ? MessageType.BillingSet : MessageType.BillingReply;

    public static BillingModel Decode(ReadOnlySpan<byte> body, bool isPush)
    {
        var r = new WireReader(body);
        var pile = r.Bcd(7);
        var model = r.BcdNumber(2);
        var rates = new PeriodRate[4];
        for (var i = 0; i < 4; i++) rates[i] = new PeriodRate(r.UInt32(), r.UInt32());
        var loss = r.Byte();
        var slots = r.Raw(48);
        if (slots.Any(s => s > 3)) throw new YkcFormatException("rate index must be 0..3");
        return new(pile, model, rates, loss, slots, isPush);
    }

    public byte[] EncodeBody()
    {
        var w = new WireWriter(90).Bcd(PileCode, 7).Bcd(ModelNumber.ToString("0000"), 2);
        foreach (var rate in Rates) w.UInt32(rate.Electricity).UInt32(rate.Service);
        return w.Byte(LossRatio).Raw(Slots).ToArray();
    }
}

// ---- real-time data ----

public sealed record ReadRealtime(string PileCode, byte Gun) : IYkcMessage
{
    public byte Type => MessageType.ReadRealtime;
    public static ReadRealtime Decode(ReadOnlySpan<byte> body) { var r = new WireReader(body); return new(r.Bcd(7), r.Gun()); }
    public byte[] EncodeBody() => new WireWriter(8).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).ToArray();
}

/// <summary>0x13. Status: 0 offline, 1 fault, 2 idle, 3 charging. Scaled values as on the wire.</summary>
public sealed record RealtimeData(
    string Serial, string PileCode, byte Gun, byte Status, byte Holstered, byte PluggedIn,
    ushort VoltageDeciV, ushort CurrentDeciA, byte CableTemp, string CableCode, byte Soc, byte BatteryMaxTemp,
    ushort ChargingMinutes, ushort RemainingMinutes, uint Energy, uint LossEnergy, uint Amount, ushort FaultBits) : IYkcMessage
{
    public byte Type => MessageType.Realtime;

    public static RealtimeData Decode(ReadOnlySpan<byte> body)
    {
        var r = new WireReader(body);
        return new(r.Bcd(16), r.Bcd(7), r.Gun(), r.Byte(), r.Byte(), r.Byte(), r.UInt16(), r.UInt16(), r.Byte(), r.Hex(8),
            r.Byte(), r.Byte(), r.UInt16(), r.UInt16(), r.UInt32(), r.UInt32(), r.UInt32(), r.UInt16());
    }

    public byte[] EncodeBody() => new WireWriter(60).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Byte(Status).Byte(Holstered).Byte(PluggedIn)
        .UInt16(VoltageDeciV).UInt16(CurrentDeciA).Byte(CableTemp).Hex(CableCode, 8).Byte(Soc).Byte(BatteryMaxTemp)
        .UInt16(ChargingMinutes).UInt16(RemainingMinutes).UInt32(Energy).UInt32(LossEnergy).UInt32(Amount).UInt16(FaultBits).ToArray();

    public bool HasOrder => Serial.Any(c => c != '0');
}

/// <summary>0x15–0x25: kept as received with the common prefix decoded.</summary>
public sealed record ChargingProcessData(byte MessageTypeCode, string Serial, string PileCode, byte Gun, byte[] Data) : IYkcMessage
{
    public byte Type => MessageTypeCode;

    public static ChargingProcessData Decode(byte type, ReadOnlySpan<byte> body)
    {
        var r = new WireReader(body);
        return new(type, r.Bcd(16), r.Bcd(7), r.Gun(), r.Raw(r.Remaining));
    }

    public byte[] EncodeBody() => new WireWriter(24 + Data.Length).Bcd(Serial, 16).Bcd(PileCode, 7).Bcd(Gun.ToString(), 1).Raw(Data).ToArray();
}

/// <summary>
/// A heartbeat read without allocating (the hot path: one per gun every 10 s). The pile code stays packed
/// as its 7 BCD bytes in a ulong.
/// </summary>
public readonly record struct HeartbeatView(ulong PileCodeBcd, byte Gun, bool Fault)
{
    public static bool TryParse(ReadOnlySpan<byte> body, out HeartbeatView heartbeat)
    {
        heartbeat = default;
        if (body.Length < 9) return false;
        ulong code = 0;
        for (var i = 0; i < 7; i++) code = code << 8 | body[i];
        var gun = body[7];
        if ((gun >> 4) > 9 || (gun & 0xF) > 9) return false;
        heartbeat = new HeartbeatView(code, (byte)((gun >> 4) * 10 + (gun & 0xF)), body[8] == 0x01);
        return true;
    }

    public string PileCode
    {
        get
        {
            var bytes = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, PileCodeBcd);
            return Wire.BcdToString(bytes.AsSpan(1));
        }
    }
}
