using ChargeConsole.Features.Accounts;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Accounts;

[Trait(TestKind.Name, TestKind.Live)]
public class InvestorShareTests
{
    [Fact]
    public async Task Shares_of_one_station_may_not_exceed_100_percent_and_the_message_names_the_station()
    {
        await using var web = await TestWebApp.StartAsync();
        using var scope = web.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var admin = new ChargeConsole.Infrastructure.Auth.AccessScope("admin", "admin", false, null);
        await using var ctx = web.Context();
        // Demo: investor2 holds 40% of 南京河西万达充电站 already.
        var station = await ctx.Stations.SingleAsync(s => s.Name == "南京河西万达充电站");
        var investor1 = await ctx.Users.SingleAsync(u => u.UserName == "investor1");

        var refused = await accounts.SetSharesAsync(admin, investor1.Id, [new InvestorShareForm { StationId = station.Id, SharePercent = 61m }]);
        Assert.False(refused.Succeeded);
        Assert.Contains("南京河西万达充电站", refused.Error);

        var accepted = await accounts.SetSharesAsync(admin, investor1.Id, [new InvestorShareForm { StationId = station.Id, SharePercent = 60m }]);
        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.Equal(60m, await ctx.StationInvestors.Where(s => s.InvestorId == investor1.Id).Select(s => s.SharePercent).SingleAsync());
    }
}
