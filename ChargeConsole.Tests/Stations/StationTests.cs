using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Piles;
using ChargeConsole.Features.Stations;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Stations;

[Trait(TestKind.Name, TestKind.Fast)]
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
    public async Task The_station_form_links_investors_with_shares_that_add_up_to_at_most_100_percent()
    {
        await using var db = await TestDatabase.CreateAsync();
        string zhang, li;
        await using (var ctx = db.Context())
        {
            var role = new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Investor) { NormalizedName = Roles.Investor.ToUpperInvariant() };
            var a = new ConsoleUser { UserName = "zhang", NormalizedUserName = "ZHANG", DisplayName = "张三", CreatedAt = DateTime.UtcNow };
            var b = new ConsoleUser { UserName = "li", NormalizedUserName = "LI", DisplayName = "李四", CreatedAt = DateTime.UtcNow };
            ctx.Roles.Add(role);
            ctx.Users.AddRange(a, b);
            ctx.UserRoles.AddRange(new() { UserId = a.Id, RoleId = role.Id }, new() { UserId = b.Id, RoleId = role.Id });
            await ctx.SaveChangesAsync();
            (zhang, li) = (a.Id, b.Id);
        }
        var stations = db.Get<StationService>();
        Assert.Equal(["李四（li）", "张三（zhang）"], (await stations.InvestorOptionsAsync()).Select(i => i.Name)); // by account name
        StationForm Form(params (string Id, decimal Share)[] shares) => new()
        {
            Name = "投资站", Address = "南京", Latitude = 32, Longitude = 118,
            Investors = shares.Select(s => new StationShareForm { InvestorId = s.Id, SharePercent = s.Share }).ToList(),
        };

        var tooMuch = await stations.SaveAsync(TestDatabase.Operator, Form((zhang, 60m), (li, 50.5m)));
        Assert.False(tooMuch.Succeeded);
        Assert.Contains("投资人占比合计 110.5%，不能超过 100%", tooMuch.Error);
        var twice = await stations.SaveAsync(TestDatabase.Operator, Form((zhang, 10m), (zhang, 20m)));
        Assert.Contains("同一投资人不能重复添加", twice.Error);

        Assert.True((await stations.SaveAsync(TestDatabase.Operator, Form((zhang, 60m), (li, 30m)))).Succeeded);
        int id;
        await using (var ctx = db.Context()) id = await ctx.Stations.Where(s => s.Name == "投资站").Select(s => s.Id).SingleAsync();
        var edit = (await stations.GetAsync(TestDatabase.Operator, id))!;
        Assert.Equal([(zhang, 60m), (li, 30m)], edit.Investors.Select(s => (s.InvestorId!, s.SharePercent!.Value)));

        // 李四 leaves, 张三 goes to 70 %.
        edit.Investors = [new StationShareForm { InvestorId = zhang, SharePercent = 70m }];
        Assert.True((await stations.SaveAsync(TestDatabase.Operator, edit)).Succeeded);
        await using var check = db.Context();
        Assert.Equal([(zhang, 70m)], await check.StationInvestors.Where(s => s.StationId == id).Select(s => new ValueTuple<string, decimal>(s.InvestorId, s.SharePercent)).ToListAsync());
        Assert.Contains("张三（zhang） 70%", (await check.AuditLogs.OrderBy(a => a.Id).LastAsync(a => a.Action == "修改电站")).Result);
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
