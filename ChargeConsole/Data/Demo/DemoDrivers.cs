using ChargeConsole.Domain.Wallets;
using System.Net.Http.Headers;
using System.Text.Json;
using ChargeConsole.Api;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Data.Demo;

/// <summary>
/// Demo drivers: a few seeded users who, over HTTP like the mini-program, sign in with an SMS code, scan a free
/// gun, charge for a few minutes and stop. Orders therefore flow live through the same API, piles and
/// settlement as real ones; when low they recharge through WeChat Pay (the sandbox). On with the demo's simulated piles (<c>Demo:SimulateUsers</c>, default true).
/// </summary>
public sealed class DemoDrivers(
    IDbContextFactory<ChargeDbContext> dbFactory, IServer server, IHostApplicationLifetime lifetime, OneTimeCodes codes, WalletService wallets,
    IOptions<WeChatPayOptions> pay, IConfiguration config, ILogger<DemoDrivers> log) : BackgroundService
{
    private static readonly AccessScope System = new("system", "演示系统", false, null);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> _tokens = [];
    private const string DriversFrom = "13910003700";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        var address = OwnAddress(server);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var maxCharging = config.GetValue("Demo:ConcurrentCharges", 8);
        var random = new Random();
        await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken); // let the piles log in

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StopFinishedAsync(http, random, stoppingToken);
                await StartOneAsync(http, random, maxCharging, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Demo driver: {Reason}", e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(random.Next(8, 20)), stoppingToken);
        }
    }

    private async Task StartOneAsync(HttpClient http, Random random, int maxCharging, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var charging = await db.ChargingOrders.InProgress().CountAsync(ct);
        if (charging >= maxCharging) return;
        // Charging, or with money still owed: a start would be refused.
        var busyUsers = db.ChargingOrders.MayStillCharge().Where(o => o.AppUserId != null).Select(o => o.AppUserId!.Value);
        // The second hundred demo users drive; the first hundred (13910000000 … 13910003663) are left to people trying the demo.
        var user = await db.AppUsers.Where(u => u.Phone.StartsWith("139") && string.Compare(u.Phone, DriversFrom) >= 0 && !u.Disabled && !busyUsers.Contains(u.Id))
            .OrderBy(u => EF.Functions.Random()).Select(u => new { u.Id, u.Phone, u.Wallet.Principal }).FirstOrDefaultAsync(ct);
        var gun = await db.Guns.Where(g => g.Status == GunStatus.Idle).OrderBy(g => EF.Functions.Random()).Select(g => g.Code).FirstOrDefaultAsync(ct);
        if (user is null || gun is null) return;
        var token = await TokenAsync(http, user.Phone, ct);
        // Demo users top up when they run low, as real ones would before a charge: through WeChat Pay (the sandbox pays
        // a few seconds later) and charge next time; without payments, the operator tops them up.
        if (user.Principal.Fen < 50_00)
        {
            // A demo database seeded before packages existed has none to buy: the operator tops up then.
            if (!pay.Value.Enabled || !await RechargeAsync(http, token, user.Id, ct))
                await wallets.AdjustAsync(System, new AdjustmentForm { AppUserId = user.Id, Amount = 200m, Reason = "演示用户线下充值" }, ct);
            else return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/app/v1/orders") { Content = JsonContent.Create(new StartChargingRequest(gun)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        log.LogInformation("Demo driver {Phone} starts on {Gun}: {Status} {Body}", user.Phone, gun, (int)response.StatusCode, body.Length > 200 ? body[..200] : body);
    }

    /// <summary>A recharge through the API (the sandbox pays it); false when there is no package to buy.</summary>
    private async Task<bool> RechargeAsync(HttpClient http, string token, int userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.RechargeOrders.AnyAsync(o => o.AppUserId == userId && o.Status == RechargeOrderStatus.Unpaid, ct)) return true; // one waiting is enough
        var package = await db.RechargePackages.Where(p => p.Status == PackageStatus.Enabled).OrderByDescending(p => p.Amount).Select(p => p.Id).FirstOrDefaultAsync(ct);
        if (package == 0) return false;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/app/v1/recharge/orders")
        {
            Content = JsonContent.Create(new RechargeRequest(package, $"oDemoUser{userId:0000000000}", Guid.NewGuid().ToString("N"))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        log.LogInformation("Demo driver {User} recharges: {Status}", userId, (int)response.StatusCode);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Each demo charge runs 2–6 minutes, then its user stops it through the API.</summary>
    private async Task StopFinishedAsync(HttpClient http, Random random, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = DateTime.UtcNow.AddMinutes(-2 - random.Next(0, 5));
        var due = await db.ChargingOrders.Where(o => o.Status == ChargingOrderStatus.Charging && o.Source == StartSource.App && o.StartedAt < since && o.AppUser != null)
            .OrderBy(o => o.StartedAt).Select(o => new { o.OrderNo, o.AppUser!.Phone }).Take(3).ToListAsync(ct);
        foreach (var order in due)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/app/v1/orders/{order.OrderNo}/stop");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, order.Phone, ct));
            using var response = await http.SendAsync(request, ct);
            log.LogInformation("Demo driver {Phone} stops {Order}: {Status}", order.Phone, order.OrderNo, (int)response.StatusCode);
        }
    }

    /// <summary>Signs in the way the mini-program does; the code is read back from the development SMS sender's store.</summary>
    private async Task<string> TokenAsync(HttpClient http, string phone, CancellationToken ct)
    {
        if (_tokens.TryGetValue(phone, out var token)) return token;
        (await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new SmsCodeRequest(phone), ct)).EnsureSuccessStatusCode();
        var code = await codes.PeekAsync(phone, ct) ?? throw new InvalidOperationException("no code issued");
        var response = await http.PostAsJsonAsync("/api/app/v1/auth/token", new TokenRequest(phone, code), ct);
        response.EnsureSuccessStatusCode();
        token = (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct)).GetProperty("accessToken").GetString()!;
        return _tokens[phone] = token;
    }

    /// <summary>This process's HTTP address, reachable from itself (a wildcard listen address becomes loopback).</summary>
    internal static string OwnAddress(IServer server) => server.Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"))
        .Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").Replace("+", "127.0.0.1").Replace("*", "127.0.0.1");
}
