using ChargeConsole.Devices.Cluster;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Stations;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>Template sync (0x58) to simulated piles, now and after they come back.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class BillingSyncTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);
    private const string Demo1 = "32010200000001";

    /// <summary>An all-valley template on the station of <paramref name="pileCode"/>: every instant is priced as valley.</summary>
    private static async Task<int> AllValleyTemplateAsync(LiveWebApp app, string pileCode)
    {
        await app.Get<ElectricityPriceService>().SaveAsync(Operator, new ElectricityPriceForm { Name = "电价", Sharp = 1.2m, Peak = 1.0m, Flat = 0.7m, Valley = 0.3m });
        await using var db = app.Context();
        var priceId = await db.ElectricityPrices.Where(p => p.Name == "电价").Select(p => p.Id).SingleAsync();
        var form = new BillingTemplateForm
        {
            Name = "全天谷", ElectricityPriceId = priceId, Sharp = 0.8m, Peak = 0.6m, Flat = 0.5m, Valley = 0.4m,
            Slots = Enumerable.Repeat(TouPeriod.Valley, 48).ToArray(),
        };
        Assert.True((await app.Get<BillingTemplateService>().SaveAsync(Operator, form)).Succeeded);
        var templateId = await db.BillingTemplates.Where(t => t.Name == "全天谷").Select(t => t.Id).SingleAsync();
        var stationId = await db.Piles.Where(p => p.Code == pileCode).Select(p => p.StationId).SingleAsync();
        var station = (await app.Get<StationService>().GetAsync(Operator, stationId))!;
        station.BillingTemplateId = templateId;
        Assert.True((await app.Get<StationService>().SaveAsync(Operator, station)).Succeeded);
        return templateId;
    }

    private static async Task<BillingSyncLog> LastLogAsync(LiveWebApp app, string pileCode)
    {
        await using var db = app.Context();
        return await db.BillingSyncLogs.Where(l => l.PileCode == pileCode).OrderByDescending(l => l.Id).FirstAsync();
    }

    [Fact]
    public async Task A_new_valley_price_reaches_the_pile_and_its_next_record_is_priced_with_it_as_the_console_prices_it()
    {
        await using var app = LiveWebApp.Start();
        var templateId = await AllValleyTemplateAsync(app, Demo1);
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Model?.ModelNumber == 1), "model 1 from verify/request");

        var templates = app.Get<BillingTemplateService>();
        var form = (await templates.GetAsync(templateId))!;
        form.Valley = 0.12345m;
        Assert.True((await templates.SaveAsync(Operator, form)).Succeeded);
        var sync = await app.Get<BillingSyncService>().SyncAsync(Operator, templateId);

        Assert.True(sync.Succeeded, sync.Error);
        Assert.Equal(BillingSyncStatus.Succeeded, (await LastLogAsync(app, Demo1)).Status);
        Assert.Equal(2, pile.Model!.ModelNumber);
        Assert.Equal(new PeriodRate(30000, 12345), pile.Model.Rates[3]);

        // A charge after the sync: the pile prices its record with the new rate.
        var piles = app.Get<IPileDirectory>();
        var serial = Demo1 + "01" + "2611251200000001";
        Assert.True((await piles.SendAsync(Demo1, new StartCharge(1, serial, "0000000000000001", "0000000000000000", 10000))).Succeeded);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].Session?.Energy > 0), "energy metered on the new model");
        Assert.True((await piles.SendAsync(Demo1, new StopCharge(1))).Succeeded);
        TransactionRecord? record = null;
        await LiveWebApp.Eventually(() => { lock (pile.Records) record = pile.Records.Select(r => r.Record).FirstOrDefault(r => r.Serial == serial); return Task.FromResult(record is not null); }, "record");

        Assert.Equal(30000u + 12345u, record!.Periods[3].UnitPrice);
        Assert.True(record.TotalEnergy > 0);
        Assert.Equal(record.Periods[3].Energy, record.TotalEnergy); // all of it metered at the valley rate just pushed
    }

    [Fact]
    public async Task A_sync_to_an_offline_pile_waits_and_succeeds_once_the_pile_is_back()
    {
        await using var app = LiveWebApp.Start();
        var templateId = await AllValleyTemplateAsync(app, Demo1);

        var sync = await app.Get<BillingSyncService>().SyncAsync(Operator, templateId);

        Assert.Contains("待电桩上线或空闲后自动同步", sync.Message);
        var waiting = await LastLogAsync(app, Demo1);
        Assert.Equal((BillingSyncStatus.Pending, "电桩离线，上线后自动同步"), (waiting.Status, waiting.Reason));

        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(async () => (await LastLogAsync(app, Demo1)).Status == BillingSyncStatus.Succeeded, "pushed by the retry job");
        Assert.Equal(1, pile.Model!.ModelNumber);
        await using var db = app.Context();
        Assert.True(await db.AuditLogs.AnyAsync(a => a.Action == "同步计费模板"));
    }

    /// <summary>Issue 20, item 23: 重新同步 is offered on a pile's latest failed sync only, so it never queues a duplicate.</summary>
    [Fact]
    public async Task A_sync_superseded_by_a_newer_one_offers_no_resync_and_refuses_one()
    {
        await using var app = LiveWebApp.Start();
        var templateId = await AllValleyTemplateAsync(app, Demo1);
        var sync = app.Get<BillingSyncService>();
        await sync.SyncAsync(Operator, templateId);
        var superseded = await LastLogAsync(app, Demo1);
        await sync.SyncAsync(Operator, templateId); // the pile is offline: the first waits no more

        await using var db = app.Context();
        var rows = await BillingSyncService.Query(db, new BillingSyncLogFilter { PileCode = Demo1 }).ToListAsync();
        var old = rows.Single(r => r.Id == superseded.Id);
        Assert.Equal((BillingSyncStatus.Failed, "已被新的同步取代", false), (old.Status, old.Reason, old.CanResync));
        var refused = await sync.ResyncAsync(Operator, superseded.Id);
        Assert.Equal($"电桩【{Demo1}】已有更新的同步记录，无需重新同步", refused.Error);
        Assert.Equal(2, await db.BillingSyncLogs.CountAsync(l => l.PileCode == Demo1));
    }
}
