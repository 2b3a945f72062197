using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.Stations;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Features;

public class StationTests
{
    [Fact]
    public async Task Station_delete_is_refused_while_it_has_piles_and_says_how_many()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync("新街口站");
        var piles = db.Get<PileService>();
        await piles.BatchAddAsync(TestDatabase.Operator, new PileBatchForm { Prefix = "320102", FirstSerial = 1, Count = 3, StationId = station.Id, PowerKw = 60, GunCount = 1 });

        var result = await db.Get<StationService>().DeleteAsync(TestDatabase.Operator, station.Id);

        Assert.False(result.Succeeded);
        Assert.Contains("3 台电桩", result.Error);
        await using var ctx = db.Context();
        Assert.True(await ctx.Stations.AnyAsync(s => s.Id == station.Id));
        Assert.False((await ctx.AuditLogs.SingleAsync(a => a.Action == "删除电站")).Succeeded);
    }

    [Fact]
    public async Task Invalid_coordinates_are_refused_in_chinese_and_nothing_is_saved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var result = await db.Get<StationService>().SaveAsync(TestDatabase.Operator, new StationForm { Name = "坏站", Address = "某地", Latitude = 95, Longitude = 200 });

        Assert.False(result.Succeeded);
        Assert.Contains("纬度必须在 -90 到 90 之间", result.FieldErrors![nameof(StationForm.Latitude)]);
        Assert.Contains("经度必须在 -180 到 180 之间", result.FieldErrors![nameof(StationForm.Longitude)]);
        await using var ctx = db.Context();
        Assert.False(await ctx.Stations.AnyAsync());
    }

    [Fact]
    public async Task Editing_a_station_deleted_meanwhile_gives_a_message_not_an_exception()
    {
        await using var db = await TestDatabase.CreateAsync();
        var result = await db.Get<StationService>().SaveAsync(TestDatabase.Operator, new StationForm { Id = 999, Name = "某站", Address = "某地", Latitude = 30, Longitude = 120 });
        Assert.Equal("该电站已被删除，请刷新列表", result.Error);
    }

    [Fact]
    public async Task Investor_cannot_read_another_investors_station_by_id()
    {
        await using var db = await TestDatabase.CreateAsync();
        var mine = await db.AddStationAsync("我的站");
        var theirs = await db.AddStationAsync("别人的站");
        var me = await db.AddInvestorAsync("inv-a", (mine.Id, 50));
        await db.AddInvestorAsync("inv-b", (theirs.Id, 50));
        var stations = db.Get<StationService>();

        Assert.NotNull(await stations.GetAsync(me, mine.Id));
        Assert.Null(await stations.GetAsync(me, theirs.Id));
        await using var ctx = db.Context();
        Assert.Equal(["我的站"], await StationService.Query(ctx, me, new StationFilter()).Select(s => s.Name).ToListAsync());
        Assert.Equal(["我的站"], StationService.Export(ctx, me, new StationFilter()).Select(s => s.Name).ToList());
        Assert.False((await stations.DeleteAsync(me, mine.Id)).Succeeded);
    }

    [Fact]
    public async Task Investor_sees_only_the_piles_and_guns_of_their_stations()
    {
        await using var db = await TestDatabase.CreateAsync();
        var mine = await db.AddStationAsync("我的站");
        var theirs = await db.AddStationAsync("别人的站");
        var me = await db.AddInvestorAsync("inv-a", (mine.Id, 50));
        var piles = db.Get<PileService>();
        await piles.BatchAddAsync(TestDatabase.Operator, new PileBatchForm { Prefix = "3201", FirstSerial = 1, Count = 2, StationId = mine.Id, PowerKw = 60, GunCount = 2 });
        await piles.BatchAddAsync(TestDatabase.Operator, new PileBatchForm { Prefix = "3202", FirstSerial = 1, Count = 3, StationId = theirs.Id, PowerKw = 60, GunCount = 2 });

        await using var ctx = db.Context();
        Assert.Equal(2, await PileService.Query(ctx, me, new PileFilter()).CountAsync());
        Assert.Equal(0, await PileService.Query(ctx, me, new PileFilter { StationId = theirs.Id }).CountAsync());
        Assert.Equal(4, GunService.Export(ctx, me, new GunFilter()).Count());
        Assert.Equal(10, await GunService.Query(ctx, TestDatabase.Operator, new GunFilter()).CountAsync());
    }
}
