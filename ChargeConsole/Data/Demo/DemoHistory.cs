using ChargeConsole.Features.StoredValue;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data.Demo;

/// <summary>
/// A plausible past for the demo (<c>Demo:HistoryDays</c>, 365 by default): charging orders on the seeded piles,
/// priced by the demo template and paid principal-first, and the recharges that kept users' wallets funded,
/// each with its ledger entries, so balance == Σ ledger holds for the history as well. Meter samples are not
/// generated for history orders (only live charges have a charging report).
/// </summary>
public static class DemoHistory
{
    private sealed class Account(Wallet wallet, AppUser user)
    {
        public Wallet Wallet { get; } = wallet;
        public AppUser User { get; } = user;
        public long Principal = wallet.Principal.Fen, Bonus = wallet.Bonus.Fen, Points = wallet.Points, Frozen = wallet.Frozen.Fen;
        /// <summary>When the account last moved: a later entry must not be dated before it.</summary>
        public DateTime LastAt = user.RegisteredAt;
    }

    /// <summary>The demo's recharge packages (the history buys the first three).</summary>
    public static readonly (string Name, long Amount, long Bonus)[] Packages =
        [("充100元", 100_00, 0), ("充200送10", 200_00, 10_00), ("充500送50", 500_00, 50_00), ("充1000送150", 1000_00, 150_00)];

    public static async Task SeedAsync(ChargeDbContext db, DateTime nowUtc, int days, ILogger log)
    {
        if (days <= 0) return;
        var random = new Random(20261125);
        var template = await db.BillingTemplates.Include(t => t.ElectricityPrice).FirstAsync(t => t.Name == "标准分时计费");
        var tariff = template.Tariff();
        var schedule = TouSchedule.FromSlotString(template.Slots);
        var guns = await db.Guns.AsNoTracking().Where(g => g.Code.StartsWith("320102")).Select(g => new { g.Id, g.Code, g.PileId, g.StationId, g.Pile.PowerKw }).ToListAsync();
        var users = await db.AppUsers.Include(u => u.Wallet).ToListAsync();
        _packageIds = await db.RechargePackages.ToDictionaryAsync(p => p.Amount.Fen, p => p.Id);
        var accounts = users.Select(u => new Account(u.Wallet, u)).ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var today = ChinaTime.ToChina(nowUtc).Date;
        var orders = 0;
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            // Busier on weekdays, and a network that grew over the year.
            var count = (int)(guns.Count * (0.8 + 1.2 * (days - d) / days) * (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.8 : 1.0) + random.Next(0, 6));
            for (var i = 0; i < count; i++)
            {
                var startChina = day.AddMinutes(StartMinute(random));
                var startUtc = ChinaTime.ToUtc(startChina);
                var candidates = accounts.Where(a => a.User.RegisteredAt < startUtc).ToList();
                if (candidates.Count == 0) continue;
                var account = candidates[random.Next(candidates.Count)];
                var gun = guns[random.Next(guns.Count)];
                var minutes = random.Next(15, 120);
                var kw = Math.Min(gun.PowerKw, 7m + (decimal)random.NextDouble() * gun.PowerKw) * 0.9m;
                var energy = Energy.FromKwh(Math.Min(kw * minutes / 60m, 40m + random.Next(0, 35))); // no car takes more than its battery
                var endChina = startChina.AddMinutes(minutes);
                // Run just after midnight, yesterday's late charges would still be going: the history stops hours before
                // now, so it never ends in the future and the top-ups below (up to 90 minutes after) fit before now too.
                if (ChinaTime.ToUtc(endChina) > nowUtc.AddHours(-2)) continue;
                var split = ChargeCalculator.Split(schedule, [new MeterSample(startChina, Energy.Zero), new MeterSample(endChina, energy)]);
                var bill = ChargeCalculator.Price(tariff, split);
                var no = $"CD{startChina:yyMMddHHmmss}{++orders % 10000:0000}H";
                while (account.Principal + account.Bonus < bill.Total.Fen)
                {
                    // Topped up on the way, some minutes before plugging in (after whatever the account did last).
                    var at = startUtc.AddMinutes(-random.Next(5, 60)).AddSeconds(-random.Next(60));
                    Recharge(db, account, at > account.LastAt ? at : SomeTimeBetween(random, account.LastAt, startUtc), random);
                }
                var payment = WalletRules.Pay(new WalletBalance(Money.FromFen(account.Principal), Money.FromFen(account.Bonus), account.Points, Money.Zero), bill.Total)!.Value;
                var points = WalletRules.PointsFor(payment.Total, 1);
                var endUtc = ChinaTime.ToUtc(endChina);
                db.ChargingOrders.Add(new ChargingOrder
                {
                    OrderNo = no, TransactionSerial = $"{gun.Code}{startChina:yyMMddHHmmss}{orders % 10000:0000}", AppUserId = account.User.Id,
                    StationId = gun.StationId, PileId = gun.PileId, GunId = gun.Id, GunCode = gun.Code, Status = ChargingOrderStatus.Settled, Source = StartSource.App,
                    BillingTemplateId = template.Id, ModelNumber = template.ModelNumber, CreatedAt = startUtc, StartedAt = startUtc, EndedAt = endUtc, SettledAt = endUtc,
                    SharpEnergy = split.Sharp, PeakEnergy = split.Peak, FlatEnergy = split.Flat, ValleyEnergy = split.Valley, Energy = split.Total,
                    ElectricityFee = bill.ElectricityFee, ServiceFee = bill.ServiceFee, TotalAmount = bill.Total, PileAmount = bill.Total,
                    PaidPrincipal = payment.FromPrincipal, PaidBonus = payment.FromBonus, PointsEarned = points, StopReason = "SOC 达到 100%",
                });
                Ledger(db, account, LedgerAccount.Principal, -payment.FromPrincipal.Fen, LedgerSource.ChargingOrder, no, endUtc, "充电消费");
                Ledger(db, account, LedgerAccount.Bonus, -payment.FromBonus.Fen, LedgerSource.ChargingOrder, no, endUtc, "充电消费");
                Ledger(db, account, LedgerAccount.Points, points, LedgerSource.ChargingOrder, no, endUtc, "充电积分");
            }
            if (d % 30 == 0 || d == 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                log.LogInformation("Demo history: {Orders} orders up to {Day:yyyy-MM-dd}", orders, day);
            }
        }
        // Users come to the demo with money to charge with: whoever is low recharged some time after their last charge
        // (never in the future, and not all at one instant).
        foreach (var a in accounts)
            while (a.Principal + a.Bonus < 300_00)
            {
                var latest = nowUtc.AddMinutes(-2);
                var at = a.LastAt.AddMinutes(random.Next(5, 90)).AddSeconds(random.Next(60));
                // Someone who joined or charged only just now tops up somewhere before now, not all at one instant.
                if (at > latest) at = a.LastAt < latest ? SomeTimeBetween(random, a.LastAt, latest) : latest;
                Recharge(db, a, at, random);
            }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var a in accounts)
        {
            await db.Wallets.Where(w => w.Id == a.Wallet.Id).ExecuteUpdateAsync(u => u
                .SetProperty(w => w.Principal, Money.FromFen(a.Principal)).SetProperty(w => w.Bonus, Money.FromFen(a.Bonus))
                .SetProperty(w => w.Points, a.Points).SetProperty(w => w.Version, w => w.Version + 1));
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>A random instant from <paramref name="from"/> towards <paramref name="to"/>.</summary>
    private static DateTime SomeTimeBetween(Random random, DateTime from, DateTime to) => from + (to - from) * random.NextDouble();

    /// <summary>Minutes after midnight, weighted to the morning and evening peaks.</summary>
    private static int StartMinute(Random random)
    {
        var roll = random.NextDouble();
        var hour = roll < 0.15 ? random.Next(0, 7) : roll < 0.45 ? random.Next(7, 12) : roll < 0.65 ? random.Next(12, 17) : random.Next(17, 24);
        return hour * 60 + random.Next(60);
    }

    private static int _recharges;
    private static Dictionary<long, int> _packageIds = [];

    /// <summary>A paid recharge; now and then the user asks for part (30 %) or all of it back at once, and gets it.</summary>
    private static void Recharge(ChargeDbContext db, Account account, DateTime at, Random random)
    {
        var (_, amount, bonus) = Packages[random.Next(3)];
        var no = $"CZ{ChinaTime.ToChina(at):yyMMddHHmmss}{++_recharges:000000}H";
        var order = new RechargeOrder
        {
            OrderNo = no, AppUserId = account.User.Id, RechargePackageId = _packageIds.GetValueOrDefault(amount), PaidAmount = Money.FromFen(amount),
            BonusAmount = Money.FromFen(bonus), Status = RechargeOrderStatus.Paid, ProviderTransactionId = SandboxStore.NewTransactionId(at), CreatedAt = at.AddMinutes(-1), PaidAt = at,
        };
        db.RechargeOrders.Add(order);
        Ledger(db, account, LedgerAccount.Principal, amount, LedgerSource.Recharge, no, at, "储值充值");
        Ledger(db, account, LedgerAccount.Bonus, bonus, LedgerSource.Recharge, no, at, "充值赠送");
        var roll = random.NextDouble();
        if (roll < 0.05) Refund(db, account, order, roll < 0.015 ? amount : amount * 3 / 10, at.AddMinutes(1));
    }

    /// <summary>A refund as the console makes one: frozen, then deducted when WeChat Pay confirms, the bonus taken back in proportion.</summary>
    private static void Refund(ChargeDbContext db, Account account, RechargeOrder order, long amount, DateTime at)
    {
        var no = $"TK{ChinaTime.ToChina(at):yyMMddHHmmss}{_recharges:000000}H";
        db.Refunds.Add(new Refund
        {
            RefundNo = no, RechargeOrder = order, Amount = Money.FromFen(amount), Status = RefundStatus.Succeeded, Reason = "用户申请退款", RequestedBy = "运营", Submitted = true,
            ProviderRefundId = SandboxStore.NewRefundId(at), CreatedAt = at, CompletedAt = at.AddMinutes(1),
        });
        order.RefundedAmount = Money.FromFen(amount);
        order.MoveTo(RechargeOrderLifecycle.AfterRefund(amount == order.PaidAmount.Fen));
        var bonus = RefundRules.BonusToReclaim(order.BonusAmount, order.PaidAmount, order.RefundedAmount, Money.Zero, Money.FromFen(account.Bonus));
        order.BonusReclaimed = bonus;
        Ledger(db, account, LedgerAccount.Frozen, amount, LedgerSource.Refund, no, at, $"退款冻结（{order.OrderNo}）");
        Ledger(db, account, LedgerAccount.Frozen, -amount, LedgerSource.Refund, no, at.AddMinutes(1), "退款完成，解除冻结");
        Ledger(db, account, LedgerAccount.Principal, -amount, LedgerSource.Refund, no, at.AddMinutes(1), $"储值退款（{order.OrderNo}）");
        Ledger(db, account, LedgerAccount.Bonus, -bonus.Fen, LedgerSource.Refund, no, at.AddMinutes(1), "退款扣回充值赠送");
    }

    private static void Ledger(ChargeDbContext db, Account a, LedgerAccount account, long amount, LedgerSource source, string no, DateTime at, string remark)
    {
        if (amount == 0) return;
        if (at > a.LastAt) a.LastAt = at;
        var after = account switch
        {
            LedgerAccount.Principal => a.Principal += amount,
            LedgerAccount.Bonus => a.Bonus += amount,
            LedgerAccount.Frozen => a.Frozen += amount,
            _ => a.Points += amount,
        };
        db.LedgerEntries.Add(new LedgerEntry
        {
            WalletId = a.Wallet.Id, AppUserId = a.User.Id, Account = account, Amount = amount, BalanceAfter = after, Source = source, SourceNo = no, Remark = remark, CreatedAt = at,
        });
    }
}
