using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Cluster;

/// <summary>
/// Two console nodes on one PostgreSQL database: node B in this process (its services are the test's hands), node A
/// its own process, so that it can be killed with -9. Piles connect to node A; everything is asked of node B.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public sealed class TwoNodeClusterTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);
    private const string Demo1 = "32010200000001";
    private const string Gun1 = Demo1 + "01";

    private static async Task<(LiveWebApp B, ClusterNodeProcess A)> StartClusterAsync()
    {
        var postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        var b = LiveWebApp.Start(ClusterNodeProcess.ClusterSettings(postgres)); // migrates and seeds first
        try { return (b, await ClusterNodeProcess.StartAsync(postgres)); }
        catch { await b.DisposeAsync(); throw; }
    }

    private static async Task<string?> NodeOfAsync(LiveWebApp app, string pileCode)
    {
        await using var db = app.Context();
        return await db.Piles.Where(p => p.Code == pileCode && p.Online).Select(p => p.ConnectedNode).SingleOrDefaultAsync();
    }

    /// <summary>The node the database records the pile online on, once the login's write is in (it follows the grain's registration).</summary>
    private static async Task<string> RecordedNodeAsync(LiveWebApp app, string pileCode)
    {
        string? node = null;
        await LiveWebApp.Eventually(async () => (node = await NodeOfAsync(app, pileCode)) is not null, $"{pileCode} recorded online with its node");
        return node!;
    }

    /// <summary>A mini-program user of node B with 50 yuan, its API client and id.</summary>
    private static async Task<(HttpClient Http, int UserId)> DriverAsync(LiveWebApp b, string phone)
    {
        var http = await b.AppUserAsync(phone);
        int userId;
        await using (var db = b.Context()) userId = await db.AppUsers.Where(u => u.Phone == phone).Select(u => u.Id).SingleAsync();
        Assert.True((await b.Get<WalletService>().AdjustAsync(Operator, new AdjustmentForm { AppUserId = userId, Amount = 50m, Reason = "测试充值" })).Succeeded);
        return (http, userId);
    }

    private static async Task<long> StartChargeAsync(LiveWebApp b, HttpClient http, string requestId)
    {
        var start = await http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Gun1, requestId });
        Assert.True(start.StatusCode == HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var orderNo = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();
        await using var db = b.Context();
        return await db.ChargingOrders.Where(o => o.OrderNo == orderNo).Select(o => o.Id).SingleAsync();
    }

    private static async Task<ChargingOrderStatus> StatusAsync(LiveWebApp app, long orderId)
    {
        await using var db = app.Context();
        return await db.ChargingOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync();
    }

    [Fact]
    public async Task A_charge_on_a_pile_connected_to_node_A_is_started_and_stopped_through_node_B_which_sees_its_live_gun_changes()
    {
        var (b, a) = await StartClusterAsync();
        await using var _ = b;
        await using var __ = a;
        var seenOnB = new ConcurrentQueue<GunStatusChanged>();
        using var subscription = b.Get<LiveEvents>().Subscribe<GunStatusChanged>(seenOnB.Enqueue);
        await using var pile = b.Pile(Demo1, powerKw: 7_200, port: a.YkcPort);
        var piles = b.Get<IPileDirectory>();
        await LiveWebApp.Eventually(() => piles.IsOnlineAsync(Demo1), "node B's view: the pile is online (on node A)");
        var nodeA = await RecordedNodeAsync(b, Demo1);
        Assert.NotEqual(piles.NodeName, nodeA);
        await b.PileReadyAsync(pile);

        var (http, userId) = await DriverAsync(b, "13800007701");
        var orderId = await StartChargeAsync(b, http, "cluster-start-0001");
        Assert.Equal(ChargingOrderStatus.Charging, await StatusAsync(b, orderId));
        // Node A wrote the gun's change and published it; node B's page hears of it through the relay.
        await LiveWebApp.Eventually(() => Task.FromResult(seenOnB.Any(e => e.Status == GunStatus.Charging)), "the gun's Charging event on node B", 10);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].Session?.Energy > 0), "energy metered");

        var stop = await b.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员");
        Assert.True(stop.Succeeded, stop.Error);
        await LiveWebApp.Eventually(async () => await StatusAsync(b, orderId) == ChargingOrderStatus.Settled, "order settled from the pile's record", 60);
        await Wallets.AssertBalancesEqualLedgerAsync(b.Factory, userId);
        Assert.True(pile.Records.Single().Confirmed);
    }

    [Fact]
    public async Task Node_A_killed_mid_charge_its_pile_comes_back_on_node_B_and_its_charge_settles_once()
    {
        var (b, a) = await StartClusterAsync();
        await using var _ = b;
        await using var __ = a;
        await using var balancer = new TcpFailover(a.YkcPort, b.YkcPort);
        await using var pile = b.Pile(Demo1, powerKw: 7_200, port: balancer.Port);
        var piles = b.Get<IPileDirectory>();
        await LiveWebApp.Eventually(() => piles.IsOnlineAsync(Demo1), "pile online");
        var nodeA = await RecordedNodeAsync(b, Demo1);
        Assert.NotEqual(piles.NodeName, nodeA);
        await b.PileReadyAsync(pile);
        var (http, userId) = await DriverAsync(b, "13800007702");
        var orderId = await StartChargeAsync(b, http, "cluster-start-0002");
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Guns[0].Session?.Energy > 0), "energy metered");

        a.Kill();

        // Within the cluster's failure detection node A is declared dead; the pile, reconnecting through the balancer,
        // lands on node B and is online there.
        await LiveWebApp.Eventually(async () => await NodeOfAsync(b, Demo1) == piles.NodeName && await piles.IsOnlineAsync(Demo1), "pile online again, on node B", 60);
        var stop = await b.Get<ChargingService>().StopAsync(orderId, q => q, "运营人员");
        Assert.True(stop.Succeeded, stop.Error);
        await LiveWebApp.Eventually(async () => await StatusAsync(b, orderId) == ChargingOrderStatus.Settled, "order settled", 60);
        await LiveWebApp.Eventually(() => Task.FromResult(pile.Records.All(r => r.Confirmed)), "record confirmed");
        await using var db = b.Context();
        Assert.Equal(1, await db.ChargingOrders.CountAsync(o => o.AppUserId == userId));
        var wallet = await db.Wallets.SingleAsync(w => w.AppUserId == userId);
        Assert.Equal(1, await db.LedgerEntries.CountAsync(l => l.WalletId == wallet.Id && l.Source == LedgerSource.ChargingOrder && l.Account == LedgerAccount.Principal));
        await Wallets.AssertBalancesEqualLedgerAsync(b.Factory, userId);
    }

    [Fact]
    public async Task A_login_of_the_same_pile_on_node_B_takes_over_from_node_A_closes_the_old_connection_and_is_audited_with_both()
    {
        var (b, a) = await StartClusterAsync();
        await using var _ = b;
        await using var __ = a;
        await using var onA = await RawPile.ConnectAsync(a.YkcPort);
        await onA.LogInAsync(Demo1);
        var piles = b.Get<IPileDirectory>();
        await LiveWebApp.Eventually(async () => await NodeOfAsync(b, Demo1) is { } n && n != piles.NodeName, "online on node A");
        var nodeA = (await NodeOfAsync(b, Demo1))!;

        await using var onB = await RawPile.ConnectAsync(b.YkcPort);
        await onB.LogInAsync(Demo1);

        await LiveWebApp.Eventually(() => Task.FromResult(onA.Closed), "node A closed the old connection");
        await LiveWebApp.Eventually(async () => await NodeOfAsync(b, Demo1) == piles.NodeName, "online on node B");
        Assert.True(await piles.IsOnlineAsync(Demo1));
        await using var db = b.Context();
        var audit = await db.AuditLogs.Where(l => l.Action == "电桩会话接管" && l.Target == Demo1).Select(l => l.Result).SingleAsync();
        Assert.Contains(nodeA, audit);
        Assert.Contains(piles.NodeName, audit);
        // The old connection's close did not mark the pile offline.
        Assert.True(await db.Piles.Where(p => p.Code == Demo1).Select(p => p.Online).SingleAsync());
    }

    [Fact]
    public async Task A_sign_in_form_from_node_A_is_accepted_by_node_B_and_the_cookie_it_issues_works_on_both()
    {
        var (b, a) = await StartClusterAsync();
        await using var _ = b;
        await using var __ = a;
        // One browser: cookies are per host, so both nodes on 127.0.0.1 see the same ones, as behind a balancer.
        var cookies = new CookieContainer();
        HttpClient Client(string address) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        using var toA = Client($"http://127.0.0.1:{a.HttpPort}");
        using var toB = Client(b.Http().BaseAddress!.ToString());

        var form = await toA.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await toB.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "login",
            ["Input.UserName"] = "operator", ["Input.Password"] = "operator123",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/login", signIn.Headers.Location?.ToString() ?? "");

        foreach (var node in new[] { toA, toB })
        {
            var page = await node.GetAsync("/orders");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }
}
