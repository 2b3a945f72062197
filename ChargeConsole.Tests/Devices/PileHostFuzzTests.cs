using System.Net.Sockets;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Devices;

[Trait(TestKind.Name, TestKind.Live)]
public class PileHostFuzzTests
{
    private static readonly byte[] PileTypes = [0x01, 0x03, 0x05, 0x09, 0x13, 0x15, 0x19, 0x23, 0x31, 0x33, 0x35, 0x3B, 0x3D, 0x41, 0x51, 0x55, 0x57, 0x91, 0x7F, 0xEE];

    /// <summary>Valid frames of every type the host decodes, bodies mutated, CRC recomputed so they reach the decoders.</summary>
    private static byte[] MutatedFrame(Random random, string pileCode)
    {
        var type = PileTypes[random.Next(PileTypes.Length)];
        var length = random.Next(0, 4) switch { 0 => 0, 1 => random.Next(1, 30), 2 => random.Next(30, 160), _ => random.Next(160, 250) };
        var body = new byte[length];
        random.NextBytes(body);
        if (length >= 7 && random.Next(2) == 0) new WireWriter(7).Bcd(pileCode, 7).ToArray().CopyTo(body, 0);
        return new YkcFrame((ushort)random.Next(), 0, type, body).Encode();
    }

    [Fact]
    public async Task Garbage_and_mutated_frames_leave_the_server_up_and_other_piles_unaffected()
    {
        await using var app = LiveWebApp.Start();
        await using var bystander = app.Pile("32010200000001");
        var answered = 0;
        bystander.HeartbeatAnswered += _ => Interlocked.Increment(ref answered);
        await LiveWebApp.Eventually(() => Task.FromResult(bystander.State == SimulatedPileState.Online && answered > 0), "bystander online");

        var attackers = Enumerable.Range(0, 6).Select(async i =>
        {
            var random = new Random(1000 + i);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync("127.0.0.1", app.YkcPort);
            try
            {
                if (i % 2 == 0)
                {
                    // Log in as a real pile first, so mutated frames reach the logged-in handlers too.
                    await socket.SendAsync(new LoginRequest($"3201020000001{i}", 0, 2, 0x0F, "FUZZ", 1, new string('0', 20), 4).ToFrame(0).Encode());
                }
                for (var round = 0; round < 300; round++)
                {
                    byte[] chunk;
                    switch (random.Next(4))
                    {
                        case 0:
                            chunk = new byte[random.Next(1, 300)];
                            random.NextBytes(chunk);
                            break;
                        case 1:
                            chunk = MutatedFrame(random, $"3201020000001{i}");
                            chunk[random.Next(chunk.Length)] ^= (byte)random.Next(1, 256); // now a bad CRC or LEN as well
                            break;
                        default:
                            chunk = MutatedFrame(random, $"3201020000001{i}");
                            break;
                    }
                    await socket.SendAsync(chunk);
                }
            }
            catch (SocketException) { } // the host may drop a connection it cannot make sense of: fine
        }).ToList();
        await Task.WhenAll(attackers);

        var before = answered;
        await LiveWebApp.Eventually(() => Task.FromResult(answered > before + 2), "bystander's heartbeats still answered");
        Assert.Equal(SimulatedPileState.Online, bystander.State);
        Assert.Equal(1, bystander.Logins);

        await using var newcomer = app.Pile("32010200000002");
        await LiveWebApp.Eventually(() => Task.FromResult(newcomer.State == SimulatedPileState.Online), "a new pile still logs in");
        lock (app.Errors.Entries) Assert.True(app.Errors.Entries.Count == 0, string.Join("\n", app.Errors.Entries));
    }
}
