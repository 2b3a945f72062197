using Bogus;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data.Demo;

/// <summary>
/// The demo network (on when <c>Demo:Enabled</c>): console accounts, 4 stations with investors, 40 piles whose
/// codes start at 32010200000001, and 200 mini-program users with wallets and vehicles. Runs once per database.
/// </summary>
public static class DemoSeed
{
    public const string FirstPileCode = "32010200000001";
    public const int PileCount = 40;

    /// <summary>Demo accounts; the passwords are for the demo only and are printed in the README.</summary>
    public static readonly (string UserName, string DisplayName, string Password, string Role)[] Accounts =
    [
        ("admin", "系统管理员", "admin12345", Roles.Admin),
        ("operator", "运营小王", "operator123", Roles.Operator),
        ("investor1", "投资人张三", "investor123", Roles.Investor),
        ("investor2", "投资人李四", "investor123", Roles.Investor),
    ];

    private static readonly (string Name, string Address, double Lat, double Lng)[] StationSeeds =
    [
        ("南京新街口充电站", "江苏省南京市玄武区中山路18号", 32.0418, 118.7841),
        ("南京河西万达充电站", "江苏省南京市建邺区江东中路98号", 32.0047, 118.7316),
        ("南京南站P4充电站", "江苏省南京市雨花台区玉兰路98号", 31.9685, 118.7976),
        ("江宁大学城充电站", "江苏省南京市江宁区弘景大道1号", 31.9115, 118.8885),
        ("仙林湖 OCPP 示范站", "江苏省南京市栖霞区仙林大道163号", 32.1063, 118.9227),
    ];

    /// <summary>The fifth station's piles speak OCPP 1.6J (international vendors), codes 320103000000xx.</summary>
    public const int OcppPileCount = 4;

    /// <summary>48 half hours: 3 valley ×16, 1 peak ×6, 2 flat ×12, 1 peak ×4, 0 sharp ×4, 1 peak ×2, 2 flat ×4.</summary>
    public static readonly string DemoSlots = new string('3', 16) + new string('1', 6) + new string('2', 12) + new string('1', 4) + new string('0', 4) + new string('1', 2) + new string('2', 4);

    public static async Task RunAsync(IServiceProvider sp)
    {
        var factory = sp.GetRequiredService<IDbContextFactory<ChargeDbContext>>();
        var users = sp.GetRequiredService<UserManager<ConsoleUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = await factory.CreateDbContextAsync();
        if (await db.Piles.AnyAsync(p => p.Code == FirstPileCode)) return;

        var accounts = new Dictionary<string, ConsoleUser>();
        foreach (var (name, display, password, role) in Accounts)
        {
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                user = new ConsoleUser { UserName = name, DisplayName = display, CreatedAt = now };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded) throw new InvalidOperationException($"Demo account {name}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                await users.AddToRoleAsync(user, role);
            }
            accounts[name] = user;
        }

        var tags = new[] { "24小时", "免费停车", "快充", "休息室" }.Select((t, i) => new StationTag { Name = t, SortOrder = i }).ToList();
        db.StationTags.AddRange(tags);

        // Jiangsu-like time of use: valley 00:00–08:00, peak 08:00–11:00 and 17:00–22:00 (sharp 19:00–21:00), flat otherwise.
        var price = new ElectricityPrice
        {
            Name = "江苏工商业电价", Sharp = Price.FromYuan(1.1556m), Peak = Price.FromYuan(0.9630m), Flat = Price.FromYuan(0.5778m), Valley = Price.FromYuan(0.2712m),
            CreatedAt = now.AddDays(-400), UpdatedAt = now.AddDays(-400),
        };
        var template = new BillingTemplate
        {
            Name = "标准分时计费", ElectricityPrice = price,
            SharpServiceFee = Price.FromYuan(0.8m), PeakServiceFee = Price.FromYuan(0.8m), FlatServiceFee = Price.FromYuan(0.6m), ValleyServiceFee = Price.FromYuan(0.4m),
            Slots = DemoSlots, ModelNumber = 1, CreatedAt = now.AddDays(-400), UpdatedAt = now.AddDays(-400),
        };
        db.BillingTemplates.Add(template);

        var stations = StationSeeds.Select((s, i) => new Station
        {
            BillingTemplate = template,
            Name = s.Name, Address = s.Address, Latitude = s.Lat, Longitude = s.Lng, IsOpen = true,
            ContactPhone = "025-8888000" + i, CreatedAt = now.AddDays(-400 + i * 30),
            Tags = tags.Where((_, t) => (t + i) % 2 == 0).ToList(),
        }).ToList();
        db.Stations.AddRange(stations);
        await db.SaveChangesAsync();

        // investor1 holds shares of stations 1 and 2, investor2 of stations 2 and 3; station 4 is the platform's alone.
        db.StationInvestors.AddRange(
            new StationInvestor { StationId = stations[0].Id, InvestorId = accounts["investor1"].Id, SharePercent = 60m },
            new StationInvestor { StationId = stations[1].Id, InvestorId = accounts["investor1"].Id, SharePercent = 30m },
            new StationInvestor { StationId = stations[1].Id, InvestorId = accounts["investor2"].Id, SharePercent = 40m },
            new StationInvestor { StationId = stations[2].Id, InvestorId = accounts["investor2"].Id, SharePercent = 50m });

        var codes = PileCode.Sequence("320102", 1, PileCount);
        for (var i = 0; i < codes.Count; i++)
        {
            var dc = i % 4 != 3; // three DC piles for every AC pile
            var pile = new Pile
            {
                Code = codes[i].Value, Name = $"{i % 10 + 1}号{(dc ? "直流" : "交流")}桩", StationId = stations[i / 10].Id,
                Model = dc ? "YKC-DC120" : "YKC-AC7", Type = dc ? PileType.DC : PileType.AC, PowerKw = dc ? 120m : 7m,
                GunCount = dc ? 2 : 1, Protocol = i % 5 == 0 ? PileProtocol.Ykc16 : PileProtocol.Ykc15, CreatedAt = now.AddDays(-300 + i),
            };
            for (var n = 1; n <= pile.GunCount; n++)
                pile.Guns.Add(new Gun { Number = n, Code = codes[i].Gun(n).Value, StationId = pile.StationId, Status = GunStatus.Offline });
            db.Piles.Add(pile);
        }
        var ocppCodes = PileCode.Sequence("320103", 1, OcppPileCount);
        for (var i = 0; i < ocppCodes.Count; i++)
        {
            var pile = new Pile
            {
                Code = ocppCodes[i].Value, Name = $"{i + 1}号 OCPP 直流桩", StationId = stations[4].Id, Model = "OCPP-DC60", Type = PileType.DC, PowerKw = 60m,
                GunCount = 2, Protocol = PileProtocol.Ocpp16J, CreatedAt = now.AddDays(-30 + i),
            };
            for (var n = 1; n <= pile.GunCount; n++)
                pile.Guns.Add(new Gun { Number = n, Code = ocppCodes[i].Gun(n).Value, StationId = pile.StationId, Status = GunStatus.Offline });
            db.Piles.Add(pile);
        }

        SeedAppUsers(db, now);
        db.RechargePackages.AddRange(DemoHistory.Packages.Select((p, i) => new RechargePackage
        {
            Name = p.Name, Amount = Money.FromFen(p.Amount), Bonus = Money.FromFen(p.Bonus), Status = PackageStatus.Enabled, SortOrder = i, CreatedAt = now.AddDays(-400),
        }));
        await db.SaveChangesAsync();

        var config = sp.GetRequiredService<IConfiguration>();
        if (config.GetValue("Demo:Marketing", true)) await DemoMarketing.SeedAsync(db, now);
        await DemoHistory.SeedAsync(db, now, config.GetValue("Demo:HistoryDays", 0), sp.GetRequiredService<ILoggerFactory>().CreateLogger("DemoHistory"));
        // The past payments are the sandbox's too, as if paid through it: refunding one works like any other.
        if (sp.GetService<WeChatPaySandbox>() is { } sandbox)
            sandbox.RememberPaid(await db.RechargeOrders.AsNoTracking().Where(o => o.ProviderTransactionId != null && o.PaidAt != null)
                .Select(o => new WeChatPaySandbox.PastPayment(o.OrderNo, o.ProviderTransactionId!, o.PaidAmount.Fen, o.RefundedAmount.Fen, o.PaidAt!.Value)).ToListAsync());
    }

    public static string DemoCard(int i) => $"D14B{i + 1:X12}";

    private static DateTime Between(DateTime t, DateTime from, DateTime to) => t > to ? (to > from ? to : from) : t;

    private static void SeedAppUsers(ChargeDbContext db, DateTime now)
    {
        Randomizer.Seed = new Random(20261125);
        var faker = new Faker("zh_CN");
        var plates = "京沪苏浙皖粤";
        for (var i = 0; i < 200; i++)
        {
            var registered = now.AddDays(-faker.Random.Int(0, 365)).AddMinutes(-faker.Random.Int(0, 1440));
            var principal = Money.FromFen(faker.Random.Int(0, 500) * 100);
            var user = new AppUser
            {
                Phone = "139" + (10_000_000 + i * 37).ToString("00000000"),
                // Bogus writes Chinese names given-name first with a space ("潇然 夏"); a Chinese name is family name first: 夏潇然.
                Nickname = string.Concat(faker.Name.FullName().Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()),
                RegisteredAt = registered,
                LastLoginAt = Between(registered.AddDays(faker.Random.Int(0, 30)), registered, now.AddMinutes(-faker.Random.Int(5, 600))), // never in the future
                Wallet = new Wallet { Principal = principal, Points = 0, Version = 1 },
                // The first 20 users hold a charging card: swipe starts (0x31) find them by it.
                CardNumber = i < 20 ? DemoCard(i) : null,
            };
            user.Vehicles.Add(new Vehicle
            {
                Plate = $"{plates[i % plates.Length]}{(char)('A' + i % 8)}D{faker.Random.Int(10000, 99999)}",
                Vin = "LDEMO" + faker.Random.Replace("############"),
                Brand = faker.PickRandom("比亚迪", "特斯拉", "蔚来", "小鹏", "理想", "吉利"),
                CreatedAt = registered,
            });
            db.AppUsers.Add(user);
            if (principal.Fen > 0)
            {
                // The opening balance is an adjustment with its ledger entry, so balance == Σ ledger holds from day one.
                var no = $"DEMO{i:0000}";
                db.WalletAdjustments.Add(new WalletAdjustment { No = no, AppUser = user, Kind = AdjustmentKind.TopUp, Asset = AdjustmentAsset.Money, Amount = principal.Fen, Reason = "演示数据初始余额", OperatorName = "system", CreatedAt = registered });
                db.LedgerEntries.Add(new LedgerEntry { AppUser = user, Wallet = user.Wallet, Account = LedgerAccount.Principal, Amount = principal.Fen, BalanceAfter = principal.Fen, Source = LedgerSource.Adjustment, SourceNo = no, Remark = "演示数据初始余额", CreatedAt = registered });
            }
        }
    }
}
