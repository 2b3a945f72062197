using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Piles;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Piles;

[Trait(TestKind.Name, TestKind.Fast)]
public class PileTests
{
    private static PileForm NewPile(int stationId, string code, int guns = 2) =>
        new() { Code = code, StationId = stationId, PowerKw = 120, GunCount = guns, Type = PileType.DC };

    [Fact]
    public async Task A_new_pile_gets_its_guns_offline_with_codes_from_the_pile_code()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var result = await db.Get<PileService>().SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000001"));

        Assert.True(result.Succeeded, result.Error);
        await using var ctx = db.Context();
        var guns = await ctx.Guns.OrderBy(g => g.Number).ToListAsync();
        Assert.Equal(["3201020000000101", "3201020000000102"], guns.Select(g => g.Code));
        Assert.All(guns, g => Assert.Equal(GunStatus.Offline, g.Status));
        Assert.All(guns, g => Assert.Equal(station.Id, g.StationId));
    }

    [Fact]
    public async Task Duplicate_pile_code_is_refused_naming_the_code()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var piles = db.Get<PileService>();
        await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000001"));

        var again = await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000001"));

        Assert.Equal("电桩编码【32010200000001】已存在", again.Error);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.Piles.CountAsync());
    }

    [Fact]
    public async Task Pile_code_that_is_not_14_digits_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var result = await db.Get<PileService>().SaveAsync(TestDatabase.Operator, NewPile(station.Id, "3201020000001"));
        Assert.Equal(["电桩编码必须是14位数字"], result.FieldErrors![nameof(PileForm.Code)]);
    }

    [Fact]
    public async Task Editing_the_gun_count_adds_and_removes_guns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var piles = db.Get<PileService>();
        await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000001", guns: 1));
        await using var ctx = db.Context();
        var id = await ctx.Piles.Select(p => p.Id).SingleAsync();

        var form = (await piles.GetAsync(TestDatabase.Operator, id))!;
        form.GunCount = 3;
        Assert.True((await piles.SaveAsync(TestDatabase.Operator, form)).Succeeded);
        Assert.Equal([1, 2, 3], await ctx.Guns.OrderBy(g => g.Number).Select(g => g.Number).ToListAsync());

        form.GunCount = 2;
        Assert.True((await piles.SaveAsync(TestDatabase.Operator, form)).Succeeded);
        Assert.Equal(["3201020000000101", "3201020000000102"], await ctx.Guns.OrderBy(g => g.Number).Select(g => g.Code).ToListAsync());
    }

    [Fact]
    public async Task Deleting_a_pile_removes_its_guns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var piles = db.Get<PileService>();
        await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000001"));
        await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000002"));
        await using var ctx = db.Context();
        var id = await ctx.Piles.Where(p => p.Code == "32010200000001").Select(p => p.Id).SingleAsync();

        var result = await piles.DeleteAsync(TestDatabase.Operator, id);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["3201020000000201", "3201020000000202"], await ctx.Guns.OrderBy(g => g.Code).Select(g => g.Code).ToListAsync());
        Assert.Equal("该电桩已被删除，请刷新列表", (await piles.DeleteAsync(TestDatabase.Operator, id)).Error);
    }

    [Fact]
    public async Task Batch_add_creates_consecutive_codes_with_their_guns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var result = await db.Get<PileService>().BatchAddAsync(TestDatabase.Operator,
            new PileBatchForm { Prefix = "320102", FirstSerial = 9, Count = 3, StationId = station.Id, PowerKw = 7, GunCount = 1, Type = PileType.AC });

        Assert.True(result.Succeeded, result.Error);
        await using var ctx = db.Context();
        Assert.Equal(["32010200000009", "32010200000010", "32010200000011"], await ctx.Piles.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        Assert.Equal(3, await ctx.Guns.CountAsync());
    }

    [Fact]
    public async Task Batch_add_is_refused_whole_when_any_code_exists_and_names_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var station = await db.AddStationAsync();
        var piles = db.Get<PileService>();
        await piles.SaveAsync(TestDatabase.Operator, NewPile(station.Id, "32010200000005"));

        var result = await piles.BatchAddAsync(TestDatabase.Operator,
            new PileBatchForm { Prefix = "320102", FirstSerial = 1, Count = 10, StationId = station.Id, PowerKw = 60, GunCount = 2 });

        Assert.False(result.Succeeded);
        Assert.Contains("32010200000005", result.Error);
        await using var ctx = db.Context();
        Assert.Equal(1, await ctx.Piles.CountAsync());
    }
}
