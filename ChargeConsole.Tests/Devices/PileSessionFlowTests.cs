using ChargeConsole.Devices.Cluster;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Domain.Values;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Devices;

/// <summary>Billing-model exchange and a remote charge between the host and the simulated pile.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class PileSessionFlowTests
{
    private const string Demo1 = "32010200000001";

    private static async Task<BillingTemplate> GiveStationATemplateAsync(LiveWebApp app, string pileCode)
    {
        await using var db = app.Context();
        var price = new ElectricityPrice { Name = "工商业电价", Sharp = Price.FromYuan(1.2m), Peak = Price.FromYuan(1.0m), Flat = Price.FromYuan(0.7m), Valley = Price.FromYuan(0.3m) };
        var template = new BillingTemplate
        {
            Name = "标准模板", ElectricityPrice = price, ModelNumber = 7,
            SharpServiceFee = Price.FromYuan(0.8m), PeakServiceFee = Price.FromYuan(0.6m), FlatServiceFee = Price.FromYuan(0.5m), ValleyServiceFee = Price.FromYuan(0.4m),
            Slots = new string('3', 16) + new string('2', 16) + new string('1', 16),
        };
        db.BillingTemplates.Add(template);
        await db.SaveChangesAsync();
        var stationId = await db.Piles.Where(p => p.Code == pileCode).Select(p => p.StationId).SingleAsync();
        await db.Stations.Where(s => s.Id == stationId).ExecuteUpdateAsync(u => u.SetProperty(s => s.BillingTemplateId, template.Id));
        return template;
    }

    [Fact]
    public async Task A_pile_gets_its_stations_billing_model_through_verify_and_request()
    {
        await using var app = LiveWebApp.Start();
        await GiveStationATemplateAsync(app, Demo1);

        await using var pile = app.Pile(Demo1);

        await LiveWebApp.Eventually(() => Task.FromResult(pile.Model is not null), "billing model received");
        Assert.Equal(7, pile.Model!.ModelNumber);
        Assert.Equal(new PeriodRate(30000, 40000), pile.Model.Rates[3]); // valley: 0.30000 + 0.40000
        Assert.Equal(3, pile.Model.Slots[0]);
        Assert.Equal(1, pile.Model.Slots[47]);
    }

    [Fact]
    public async Task A_pile_with_no_billing_template_is_told_so_and_flagged()
    {
        await using var app = LiveWebApp.Start();
        await using (var db = app.Context())
            await db.Stations.ExecuteUpdateAsync(u => u.SetProperty(s => s.BillingTemplateId, (int?)null)); // the demo gives every station one
        await using var pile = app.Pile(Demo1);

        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.Piles.Where(p => p.Code == Demo1).Select(p => p.MissingBillingTemplate).SingleAsync();
        }, "pile flagged as missing a billing template");
        Assert.Null(pile.Model);
    }

    [Fact]
    public async Task A_remote_start_charges_the_gun_and_a_stop_makes_the_pile_send_its_record_which_is_confirmed_once_recorded()
    {
        await using var app = LiveWebApp.Start();
        await GiveStationATemplateAsync(app, Demo1);
        await using var pile = app.Pile(Demo1);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Model is not null), "model received");
        var piles = app.Get<IPileDirectory>();
        var serial = Demo1 + "01" + "2611251030150001";

        var start = await piles.SendAsync(Demo1, new StartCharge(1, serial, "0000000000000001", "0000000000000000", 10000));

        Assert.True(start.Succeeded, start.Message);
        await LiveWebApp.Eventually(async () =>
        {
            await using var db = app.Context();
            return await db.Guns.Where(g => g.Code == Demo1 + "01").Select(g => g.Status).SingleAsync() == GunStatus.Charging;
        }, "gun 1 charging");

        var stop = await piles.SendAsync(Demo1, new StopCharge(1));
        Assert.True(stop.Succeeded, stop.Message);

        var record = await WaitForRecordAsync(pile, serial);
        Assert.Equal(record.TotalEnergy, (uint)record.Periods.Sum(p => p.Energy));
        Assert.Equal(0x40, record.StopReason);
        // A serial the console never issued (a start made outside the console): the record is kept and confirmed,
        // but held for an operator's review and pays nothing.
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].PendingRecord is null), "record confirmed with 0x40");
        await using var check = app.Context();
        var order = await check.ChargingOrders.SingleAsync(o => o.TransactionSerial == serial);
        Assert.Equal(ChargingOrderStatus.PendingReview, order.Status);
        Assert.Contains("平台未下发该交易流水号", order.ReviewNote);
        Assert.Null(order.AppUserId);
        Assert.Equal(Energy.FromUnits(record.TotalEnergy), order.Energy);
    }

    private static async Task<TransactionRecord> WaitForRecordAsync(SimulatedPile pile, string serial)
    {
        TransactionRecord? found = null;
        await LiveWebApp.Eventually(() =>
        {
            lock (pile.Records) found = pile.Records.Select(r => r.Record).FirstOrDefault(r => r.Serial == serial);
            return Task.FromResult(found is not null);
        }, "transaction record sent");
        return found!;
    }
}
