using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Marketing;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.Marketing;

/// <summary>营销活动 and 营销套餐: a package of a running activity is bought through the recharge flow; a bought one is kept.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class MarketingTests
{
    [Fact]
    public async Task A_package_of_a_running_activity_is_bought_through_wechat_pay_credits_amount_and_bonus_and_cannot_then_be_deleted()
    {
        await using var app = LiveWebApp.Start();
        var activities = app.Get<ActivityService>();
        var packages = app.Get<MarketingPackageService>();
        var china = DateTime.UtcNow.AddHours(8);
        Assert.True((await activities.SaveActivityAsync(TestDatabase.Operator, new ActivityForm
        {
            Title = "双十二充值", RulesHtml = "<p>充100送20</p><script>x()</script>", StartAt = china.AddHours(-1), EndAt = china.AddDays(7), StackableWithCoupons = false,
        })).Succeeded);
        Assert.True((await activities.SaveActivityAsync(TestDatabase.Operator, new ActivityForm
        {
            Title = "已关闭的活动", StartAt = china.AddHours(-1), EndAt = china.AddDays(7), Status = ActivityStatus.Disabled,
        })).Succeeded);
        int running, closed;
        await using (var db = app.Context())
        {
            running = await db.MarketingActivities.Where(a => a.Title == "双十二充值").Select(a => a.Id).SingleAsync();
            closed = await db.MarketingActivities.Where(a => a.Title == "已关闭的活动").Select(a => a.Id).SingleAsync();
        }
        Assert.True((await packages.SavePackageAsync(TestDatabase.Operator, new MarketingPackageForm { Name = "充100送20", Amount = 100, Bonus = 20, ActivityIds = [running] })).Succeeded);
        Assert.True((await packages.SavePackageAsync(TestDatabase.Operator, new MarketingPackageForm { Name = "关闭活动的套餐", Amount = 50, Bonus = 5, ActivityIds = [closed] })).Succeeded);
        int package, orphan;
        await using (var db = app.Context())
        {
            package = await db.MarketingPackages.Where(p => p.Name == "充100送20").Select(p => p.Id).SingleAsync();
            orphan = await db.MarketingPackages.Where(p => p.Name == "关闭活动的套餐").Select(p => p.Id).SingleAsync();
        }

        var (http, userId) = await NewUserAsync(app);
        var listed = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/marketing/activities");
        var shown = listed.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "双十二充值");
        Assert.Equal("<p>充100送20</p>", shown.GetProperty("rulesHtml").GetString());
        Assert.Equal(120m, shown.GetProperty("packages")[0].GetProperty("credited").GetDecimal()); // 实际到账 = 100 + 20
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("title").GetString() == "已关闭的活动");

        var refused = await http.PostAsJsonAsync("/api/app/v1/recharge/orders", new { marketingPackageId = orphan, openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", requestId = "m-0" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var bought = await http.PostAsJsonAsync("/api/app/v1/recharge/orders", new { marketingPackageId = package, openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", requestId = "m-1" });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        var orderNo = (await bought.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order").GetProperty("orderNo").GetString()!;
        await app.Get<WeChatPaySandbox>().PayAsync(orderNo);

        var wallet = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((100_00L, 20_00L), (wallet.Principal.Fen, wallet.Bonus.Fen));
        Assert.Equal(package, (await OrderAsync(app, orderNo)).MarketingPackageId);
        Assert.Equal("该套餐已有 1 笔充值订单，无法删除；如不再销售，请将其关闭", (await packages.DeletePackageAsync(TestDatabase.Operator, package)).Error);
        Assert.True((await packages.DeletePackageAsync(TestDatabase.Operator, orphan)).Succeeded);
    }
}
