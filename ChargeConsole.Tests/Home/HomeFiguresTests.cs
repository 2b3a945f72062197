using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Home;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Home;

/// <summary>The home pages' figures over settled orders on China days, scoped for investors; money by hand in fen.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class HomeFiguresTests
{
    [Fact]
    public async Task Cards_count_settled_orders_by_china_day_an_investor_sees_their_stations_and_share_and_a_void_moves_the_numbers_back()
    {
        await using var db = await TestDatabase.CreateAsync(); // the clock: 2026-11-25 10:00 in China
        var f = await OrderFixture.CreateAsync(db);
        var other = await db.AddStationAsync("别人的站");
        var investorA = await db.AddInvestorAsync("甲投资人", (f.Station.Id, 60m));
        await db.AddInvestorAsync("乙投资人", (other.Id, 50m));
        var user1 = await Wallets.NewUserAsync(db.Factory, principalFen: 100_00);
        var user2 = await Wallets.NewUserAsync(db.Factory, principalFen: 0);
        var user3 = await Wallets.NewUserAsync(db.Factory, principalFen: 0);

        // Today at A's station: 10 kWh → 15.00 (service 5.00; A's 60 % is 3.00).
        var today = await OrderFixture.SettleAsync(db, OrderFixture.RecordFor(await f.ChargingOrderAsync(user1), 100_000));
        // Settled before splits were kept: today at the other station 30.00, and 2026-11-24 23:30 in China at A's 7.00 (service 2.00 → A 1.20).
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await using (var ctx = db.Context())
        {
            ctx.ChargingOrders.AddRange(
                Legacy("CDOLD1", other.Id, f, user2, now, totalFen: 30_00, serviceFen: 10_00),
                Legacy("CDOLD2", f.Station.Id, f, user3, new DateTime(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc), totalFen: 7_00, serviceFen: 2_00));
            await ctx.SaveChangesAsync();
        }
        await db.Get<RevenueRebuild>().EnsureAsync();
        var figures = db.Get<HomeFiguresService>();

        var staff = await figures.GetAsync(TestDatabase.Operator);
        Assert.Equal(new Figure(2, 1, 3, 3), staff.Orders);
        Assert.Equal(new Figure(45_00, 7_00, 52_00, 52_00), staff.AmountFen);
        Assert.Null(staff.MyShare);
        Assert.Equal(["别人的站", "结算测试站"], staff.Ranking.Select(r => r.Station));
        Assert.Equal([0, 0, 0, 0, 0, 7_00, 45_00], staff.Week.Select(d => d.AmountFen));

        var a = await figures.GetAsync(investorA);
        Assert.Equal(new Figure(1, 1, 2, 2), a.Orders);
        Assert.Equal(new Figure(15_00, 7_00, 22_00, 22_00), a.AmountFen);
        Assert.Equal(new Figure(10_0000, 5_0000, 15_0000, 15_0000), a.EnergyUnits); // kWh×10⁴: 10 today, 5 yesterday
        Assert.Equal(new Figure(3_00, 1_20, 4_20, 4_20), a.MyShare);
        Assert.Equal(new Figure(1, 1, 2, 2), a.NewUsers); // user1 first charged here today, user3 yesterday; user2 elsewhere
        Assert.Null(a.Recharges);
        var rank = Assert.Single(a.Ranking);
        Assert.Equal(("结算测试站", 15_00L, 3_00L), (rank.Station, rank.AmountFen, rank.MineFen));

        Assert.True((await db.Get<ChargingOrderService>().VoidAsync(TestDatabase.Operator, today.Id, "用户投诉")).Succeeded);

        Assert.Equal(new Figure(1, 1, 2, 2), (await figures.GetAsync(TestDatabase.Operator)).Orders);
        Assert.Equal(new Figure(30_00, 7_00, 37_00, 37_00), (await figures.GetAsync(TestDatabase.Operator)).AmountFen);
        var afterVoid = await figures.GetAsync(investorA);
        Assert.Equal(new Figure(0, 1_20, 1_20, 1_20), afterVoid.MyShare);
        Assert.DoesNotContain(afterVoid.Ranking, r => r.AmountFen != 0);
    }

    private static ChargingOrder Legacy(string no, int stationId, OrderFixture f, int userId, DateTime settledAt, long totalFen, long serviceFen) => new()
    {
        OrderNo = no, StationId = stationId, PileId = f.PileId, GunId = f.GunId, GunCode = OrderFixture.GunCode, AppUserId = userId,
        Status = ChargingOrderStatus.Settled, CreatedAt = settledAt.AddHours(-1), SettledAt = settledAt, Energy = Energy.FromUnits(50_000),
        ElectricityFee = Money.FromFen(totalFen - serviceFen), ServiceFee = Money.FromFen(serviceFen), TotalAmount = Money.FromFen(totalFen),
    };
}
