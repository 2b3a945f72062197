using System.Net;
using ChargeConsole.Infrastructure.Cluster;
using ChargeConsole.Tests.Support;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ChargeConsole.Tests.Cluster;

/// <summary>What the cluster keeps in the database: the membership table's optimistic writes and the once-per-interval job claims.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public sealed class ClusterStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Of_many_nodes_claiming_a_job_interval_at_once_exactly_one_runs_it_and_the_next_interval_is_claimed_again(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var runs = db.Get<JobRuns>();
        var every = TimeSpan.FromSeconds(30);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => runs.ClaimAsync("payment-recovery", every, CancellationToken.None))));
        Assert.Equal(1, claims.Count(c => c));
        // Later in the same interval: still taken.
        db.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await runs.ClaimAsync("payment-recovery", every, CancellationToken.None));
        // Another job's interval is its own.
        Assert.True(await runs.ClaimAsync("coupon-expiry", every, CancellationToken.None));
        db.Clock.Advance(every);
        Assert.True(await runs.ClaimAsync("payment-recovery", every, CancellationToken.None));
    }

    private static MembershipEntry Entry(int port, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7), Status = status, SiloName = $"node-{port}", HostName = "host",
        StartTime = new DateTime(2026, 12, 3, 1, 0, 0, DateTimeKind.Utc), IAmAliveTime = new DateTime(2026, 12, 3, 1, 0, 5, DateTimeKind.Utc),
        SuspectTimes = [],
    };

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_membership_table_takes_a_write_only_at_the_version_and_tag_it_was_read_at(Engine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var table = new EfMembershipTable(db.Factory, Options.Create(new ClusterOptions { ClusterId = "test" }));
        await table.InitializeMembershipTable(true);
        await table.InitializeMembershipTable(true); // a second node starting: nothing changes

        var empty = await table.ReadAll();
        Assert.Equal(0, empty.Version.Version);
        // Two nodes join at the same version: one wins, the other must read again.
        var joined = await Task.WhenAll(
            Task.Run(() => table.InsertRow(Entry(11111, SiloStatus.Joining), empty.Version.Next())),
            Task.Run(() => table.InsertRow(Entry(11112, SiloStatus.Joining), empty.Version.Next())));
        Assert.Equal(1, joined.Count(j => j));

        var read = await table.ReadAll();
        Assert.Equal(1, read.Version.Version);
        var (entry, etag) = read.Members.Single();
        entry.Status = SiloStatus.Active;
        entry.AddOrUpdateSuspector(SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11113), 9), new DateTime(2026, 12, 3, 1, 1, 0, DateTimeKind.Utc), 5);
        Assert.False(await table.UpdateRow(entry, etag, empty.Version.Next())); // a stale version
        Assert.False(await table.UpdateRow(entry, (int.Parse(etag) + 5).ToString(), read.Version.Next())); // a stale tag
        Assert.True(await table.UpdateRow(entry, etag, read.Version.Next()));
        Assert.False(await table.UpdateRow(entry, etag, read.Version.Next().Next())); // the tag moved on

        var after = await table.ReadRow(entry.SiloAddress);
        var (stored, _) = after.Members.Single();
        Assert.Equal(2, after.Version.Version);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(new DateTime(2026, 12, 3, 1, 1, 0, DateTimeKind.Utc), stored.SuspectTimes!.Single().Item2);

        stored.IAmAliveTime = new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
        await table.UpdateIAmAlive(stored);
        Assert.Equal(stored.IAmAliveTime, (await table.ReadRow(entry.SiloAddress)).Members.Single().Item1.IAmAliveTime);

        // Dead nodes' rows are cleaned up after a while; live ones are kept.
        var dead = (await table.ReadAll()).Members.Single();
        dead.Item1.Status = SiloStatus.Dead;
        Assert.True(await table.UpdateRow(dead.Item1, dead.Item2, new Orleans.TableVersion(3, "3")));
        await table.CleanupDefunctSiloEntries(new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero));
        Assert.Empty((await table.ReadAll()).Members);
    }
}
