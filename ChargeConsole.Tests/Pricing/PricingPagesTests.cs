using ChargeConsole.Domain.Pricing;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Stations;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Pricing;

[Trait(TestKind.Name, TestKind.Fast)]
public class PricingPagesTests
{
    private static ElectricityPriceForm Price(string name) => new() { Name = name, Sharp = 1.2m, Peak = 1.0m, Flat = 0.7m, Valley = 0.3m };

    private static async Task<(int PriceId, int TemplateId)> PriceAndTemplateAsync(TestDatabase db)
    {
        Assert.True((await db.Get<ElectricityPriceService>().SaveAsync(TestDatabase.Operator, Price("工商业电价"))).Succeeded);
        await using var ctx = db.Context();
        var priceId = await ctx.ElectricityPrices.Select(p => p.Id).SingleAsync();
        var form = new BillingTemplateForm { Name = "标准模板", ElectricityPriceId = priceId, Sharp = 0.8m, Peak = 0.6m, Flat = 0.5m, Valley = 0.4m };
        var saved = await db.Get<BillingTemplateService>().SaveAsync(TestDatabase.Operator, form);
        Assert.True(saved.Succeeded, saved.Error);
        return (priceId, await ctx.BillingTemplates.Select(t => t.Id).SingleAsync());
    }

    [Fact]
    public async Task A_price_used_by_a_template_cannot_be_deleted_and_the_message_names_the_template()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (priceId, _) = await PriceAndTemplateAsync(db);

        var result = await db.Get<ElectricityPriceService>().DeleteAsync(TestDatabase.Operator, priceId);

        Assert.Equal("该电价正在被计费模板【标准模板】使用，无法删除", result.Error);
    }

    [Fact]
    public async Task Save_as_new_version_copies_the_price_and_leaves_the_original()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (priceId, _) = await PriceAndTemplateAsync(db);
        var prices = db.Get<ElectricityPriceService>();
        var form = (await prices.GetAsync(priceId))!;
        form.Name = "工商业电价 2027";
        form.Valley = 0.25m;

        Assert.True((await prices.SaveAsync(TestDatabase.Operator, form, asNewVersion: true)).Succeeded);

        await using var ctx = db.Context();
        var all = await ctx.ElectricityPrices.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([0.3m, 0.25m], all.Select(p => p.Valley.YuanPerKwh));
    }

    [Fact]
    public async Task A_template_used_by_a_station_cannot_be_deleted_and_the_message_names_the_station()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (_, templateId) = await PriceAndTemplateAsync(db);
        var station = await db.AddStationAsync("新街口站");
        var form = (await db.Get<StationService>().GetAsync(TestDatabase.Operator, station.Id))!;
        form.BillingTemplateId = templateId;
        Assert.True((await db.Get<StationService>().SaveAsync(TestDatabase.Operator, form)).Succeeded);

        var result = await db.Get<BillingTemplateService>().DeleteAsync(TestDatabase.Operator, templateId);

        Assert.Equal("该计费模板正在被电站【新街口站】使用，无法删除", result.Error);
    }

    [Fact]
    public async Task Every_saved_change_moves_the_model_number_on_and_an_unchanged_save_does_not()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (_, templateId) = await PriceAndTemplateAsync(db);
        var templates = db.Get<BillingTemplateService>();
        async Task<int> Model() { await using var ctx = db.Context(); return await ctx.BillingTemplates.Where(t => t.Id == templateId).Select(t => t.ModelNumber).SingleAsync(); }
        Assert.Equal(1, await Model());

        var form = (await templates.GetAsync(templateId))!;
        await templates.SaveAsync(TestDatabase.Operator, form);
        Assert.Equal(1, await Model());

        form.Slots[0] = TouPeriod.Valley;
        await templates.SaveAsync(TestDatabase.Operator, form);
        Assert.Equal(2, await Model());
        Assert.Equal(9999, BillingTemplateService.NextModelNumber(9998));
        Assert.Equal(1, BillingTemplateService.NextModelNumber(9999));
    }

    [Fact]
    public async Task A_service_fee_with_more_than_five_decimals_is_refused_in_chinese()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (priceId, _) = await PriceAndTemplateAsync(db);
        var form = new BillingTemplateForm { Name = "坏模板", ElectricityPriceId = priceId, Sharp = 0.123456m, Peak = 0.6m, Flat = 0.5m, Valley = -1m };

        var result = await db.Get<BillingTemplateService>().SaveAsync(TestDatabase.Operator, form);

        Assert.Contains("尖时段服务费最多保留5位小数", result.Error);
        Assert.Contains("谷时段服务费必须在 0 到 100 元/kWh 之间", result.Error);
    }
}
