using ChargeConsole.Features.Piles;
using ChargeConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Piles;

[Trait(TestKind.Name, TestKind.Live)]
public class PileStateWriterTests
{
    [Fact]
    public async Task A_gun_flapping_its_status_leaves_one_pending_write_the_latest()
    {
        await using var db = await TestDatabase.CreateAsync();
        var writer = db.Services.GetRequiredService<PileStateWriter>();
        var applied = new List<int>();
        for (var i = 0; i < 10_000; i++)
        {
            var n = i;
            writer.Enqueue("gun:1", new PileStateWriter.Change((_, _) => { lock (applied) applied.Add(n); return Task.CompletedTask; }));
        }
        writer.Enqueue("gun:2", new PileStateWriter.Change((_, _) => { lock (applied) applied.Add(-2); return Task.CompletedTask; }));

        await writer.StartAsync(CancellationToken.None);
        await LiveWebApp.Eventually(() => Task.FromResult(applied.Count >= 2), "both guns written");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([9_999, -2], applied);
    }

    [Fact]
    public async Task Beyond_its_bound_the_queue_drops_and_counts_instead_of_growing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var writer = db.Services.GetRequiredService<PileStateWriter>();
        var noop = new PileStateWriter.Change((_, _) => Task.CompletedTask);
        for (var i = 0; i < PileStateWriter.MaxPendingKeys + 25; i++) writer.Enqueue($"gun:{i}", noop);

        Assert.Equal(25, writer.Dropped);
    }
}
