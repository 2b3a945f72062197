using ChargeConsole.Tests.Support;
using System.Buffers;
using ChargeConsole.Devices.Ykc;

namespace ChargeConsole.Tests.Devices;

[Trait(TestKind.Name, TestKind.Fast)]
public class CodecTests
{
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Devices", "ykc-vectors.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            data.Add(cols[0], cols[2]);
        }
        return data;
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private static List<YkcFrame> ReadAll(byte[] bytes, YkcPipelineFilter? filter = null)
    {
        filter ??= new YkcPipelineFilter();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var frames = new List<YkcFrame>();
        while (filter.TryRead(ref buffer, out var frame)) frames.Add(frame);
        return frames;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_public_vector_decodes_and_re_encodes_byte_for_byte(string label, string hex)
    {
        var bytes = Hex(hex);
        var frame = Assert.Single(ReadAll(bytes));
        var message = YkcMessages.Decode(frame);
        Assert.NotNull(message);
        Assert.Equal(bytes, message.ToFrame(frame.Seq).Encode());
        Assert.False(string.IsNullOrEmpty(label));
    }

    [Fact]
    public void Login_vector_decodes_to_the_documented_fields()
    {
        var frame = ReadAll(Hex("68 22 00 19 00 01 20 23 12 12 00 00 10 01 01 10 47 56 2E 39 35 72 31 33 00 89 86 04 D1 17 22 D0 34 86 06 02 87 4E")).Single();
        var login = Assert.IsType<LoginRequest>(YkcMessages.Decode(frame));
        Assert.Equal(("20231212000010", (byte)1, (byte)1, (byte)0x10, "GV.95r13", "898604D11722D0348606", (byte)2),
            (login.PileCode, login.PileType, login.GunCount, login.ProtocolVersion, login.Firmware, login.Sim, login.Operator));
    }

    [Fact]
    public void Remote_start_vector_carries_serial_cards_and_balance()
    {
        var frame = ReadAll(Hex("68 30 00 7C 00 34 55 03 14 12 78 23 05 01 20 18 06 19 14 44 46 80 55 03 14 12 78 23 05 01 00 00 00 10 00 00 05 73 00 00 00 00 D1 4B 0A 54 A0 86 01 00 13 F6")).Single();
        var start = Assert.IsType<RemoteStart>(YkcMessages.Decode(frame));
        Assert.Equal("55031412782305012018061914444680", start.Serial);
        Assert.Equal("0000001000000573", start.LogicalCard);
        Assert.Equal("00000000D14B0A54", start.PhysicalCard);
        Assert.Equal(100_000u, start.BalanceFen);
    }

    [Fact]
    public void A_crc_sent_high_byte_first_is_accepted()
    {
        var bytes = Hex("68 0C 00 11 00 92 32 01 02 00 00 00 01 01 D2 E7");
        (bytes[^1], bytes[^2]) = (bytes[^2], bytes[^1]);
        Assert.IsType<Reboot>(YkcMessages.Decode(ReadAll(bytes).Single()));
    }

    [Fact]
    public void Weekday_bits_in_cp56_time_are_masked()
    {
        // 0x6D = day 13 with weekday 3 in the top bits, as real piles send it.
        var body = new WireWriter(14).Bcd("32010200000001", 7).Raw(Hex("98 B7 0E 11 6D 03 14")).ToArray();
        var frame = new YkcFrame(1, 0, MessageType.TimeSyncReply, body);
        var sync = Assert.IsType<TimeSync>(YkcMessages.Decode(ReadAll(frame.Encode()).Single()));
        Assert.Equal(new DateTime(2020, 3, 13, 17, 14, 47), sync.Time);
    }

    [Fact]
    public void Garbage_bad_crcs_and_impossible_lengths_are_skipped_to_the_next_good_frame()
    {
        var good = Hex("68 0C 00 11 00 92 32 01 02 00 00 00 01 01 D2 E7");
        var badCrc = (byte[])good.Clone();
        badCrc[^1] ^= 0xFF;
        var stream = new List<byte>();
        stream.AddRange(Hex("FF 00 13 37"));          // garbage
        stream.AddRange(Hex("68 02 00 00"));          // impossible LEN (< 4)
        stream.AddRange(badCrc);                        // bad CRC
        stream.AddRange(Hex("68 10 01 02 03"));        // a start byte whose LEN runs into the next frame: its CRC fails
        stream.AddRange(good);
        var filter = new YkcPipelineFilter();

        var frames = ReadAll(stream.ToArray(), filter);

        Assert.Equal(MessageType.Reboot, Assert.Single(frames).Type);
        Assert.True(filter.BadFrames >= 1);
    }

    [Fact]
    public void A_frame_split_across_reads_waits_for_the_rest()
    {
        var good = Hex("68 0C 00 11 00 92 32 01 02 00 00 00 01 01 D2 E7");
        var filter = new YkcPipelineFilter();
        var first = new ReadOnlySequence<byte>(good[..7]);
        Assert.False(filter.TryRead(ref first, out _));
        Assert.Equal(7, first.Length); // nothing consumed
        var whole = new ReadOnlySequence<byte>(good);
        Assert.True(filter.TryRead(ref whole, out var frame));
        Assert.Equal(0, whole.Length);
        Assert.Equal(MessageType.Reboot, frame.Type);
    }

    [Fact]
    public void A_body_shorter_than_its_layout_is_a_format_error_not_a_crash()
    {
        var frame = new YkcFrame(0, 0, MessageType.Realtime, new byte[10]);
        Assert.Throws<YkcFormatException>(() => YkcMessages.Decode(frame));
    }

    [Fact]
    public void Every_message_round_trips()
    {
        var now = new DateTime(2026, 11, 25, 10, 30, 15, 250);
        IYkcMessage[] messages =
        [
            new LoginRequest("32010200000001", 0, 2, 0x0F, "V1.0.0", 1, "00000000000000000000", 4),
            new LoginReply("32010200000001", true), new Heartbeat("32010200000001", 2, true), new HeartbeatReply("32010200000001", 2),
            new BillingVerify("32010200000001", 12), new BillingVerifyReply("32010200000001", 12, false), new BillingRequest("32010200000001"),
            new BillingModel("32010200000001", 3, [new(100000, 80000), new(90000, 70000), new(70000, 60000), new(30000, 50000)], 0, Enumerable.Range(0, 48).Select(i => (byte)(i % 4)).ToArray()),
            new BillingModel("32010200000001", 3, [new(1, 2), new(3, 4), new(5, 6), new(7, 8)], 0, new byte[48], IsPush: true),
            new ReadRealtime("32010200000001", 1),
            new RealtimeData("32010200000001012611251030150001", "32010200000001", 1, 3, 0, 1, 3805, 1203, 75, "0000000000000000", 56, 80, 12, 40, 123456, 123456, 234567, 0x0003),
            new ChargingProcessData(0x23, "32010200000001012611251030150001", "32010200000001", 1, new byte[20]),
            new PileStartRequest("32010200000001", 1, 3, false, "0000000000000000", new string('0', 32), "LDEMO123456789012"),
            new StartAuthorization("32010200000001012611251030150001", "32010200000001", 1, "0000000000000001", 5000, false, 3),
            new RemoteStart("32010200000001012611251030150001", "32010200000001", 1, "0000000000000001", "00000000D14B0A54", 12345),
            new RemoteStartReply("32010200000001012611251030150001", "32010200000001", 1, false, 5),
            new RemoteStop("32010200000001", 2), new RemoteStopReply("32010200000001", 2, true, 0),
            new TransactionRecord("32010200000001012611251030150001", "32010200000001", 1, now, now.AddMinutes(40),
                [new(180000, 10000, 10000, 18000), new(150000, 20000, 20000, 30000), new(100000, 0, 0, 0), new(60000, 5000, 5000, 3000)],
                1_234_567_890_1, 1_234_567_890_1 + 35000, 35000, 35000, 51000, "LDEMO123456789012", 1, now.AddMinutes(40), 0x40, "0000000000000000"),
            new TransactionRecord("32010200000001012611251030150001", "32010200000001", 1, now, now, [new(0, 0, 0, 0), new(0, 0, 0, 0), new(0, 0, 0, 0), new(0, 0, 0, 0)],
                0, 0, 0, 0, 0, "", 5, now, 0x90, "0000000000000000", new byte[43]),
            new TransactionConfirm("32010200000001012611251030150001", true),
            new BalanceUpdate("32010200000001", 1, "0000000000000000", 9999), new BalanceUpdateReply("32010200000001", "0000000000000000", 0),
            new WorkParams("32010200000001", false, 80), new PileResultReply(MessageType.WorkParamsReply, "32010200000001", true),
            new PileResultReply(MessageType.BillingSetReply, "32010200000001", false), new PileResultReply(MessageType.RebootReply, "32010200000001", true),
            new TimeSync(MessageType.TimeSync, "32010200000001", now), new TimeSync(MessageType.TimeSyncReply, "32010200000001", now),
            new Reboot("32010200000001", 2),
        ];
        foreach (var message in messages)
        {
            var frame = ReadAll(message.ToFrame(7).Encode()).Single();
            var decoded = YkcMessages.Decode(frame)!;
            Assert.Equal(message.EncodeBody(), decoded.EncodeBody());
            Assert.Equal(message.Type, decoded.Type);
        }
    }

    [Fact]
    public void The_allocation_free_heartbeat_reader_agrees_with_the_typed_decoder()
    {
        var bytes = new Heartbeat("32010200000040", 2, true).ToFrame(0x0102).Encode();
        var filter = new YkcPipelineFilter();
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(filter.TryRead(ref buffer, out var header, out var body));
        Assert.Equal((MessageType.Heartbeat, (ushort)0x0102), (header.Type, header.Seq));
        Assert.True(HeartbeatView.TryParse(body.FirstSpan, out var view));
        Assert.Equal(("32010200000040", (byte)2, true), (view.PileCode, view.Gun, view.Fault));
    }
}
