using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// Payment callbacks per second against a running console with the WeChat Pay sandbox on: N unpaid 1-yuan recharge
/// orders are written into its database, then one TRANSACTION.SUCCESS callback each is built as WeChat Pay builds
/// it (resource encrypted with the APIv3 key, body signed with the sandbox's platform key) and posted to the
/// console's notify address, C at a time. Every callback is verified, decrypted and credited by the console; the
/// run then replays them all (duplicates: verified, found done, nothing credited) and checks each order was credited once.
/// </summary>
internal static class PaymentCallbackLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var url = Arg("--url", "http://127.0.0.1:5000").TrimEnd('/');
        var dbPath = Path.GetFullPath(Arg("--db", "ChargeConsole/data/chargeconsole.db"));
        var keys = Path.GetFullPath(Arg("--keys", "ChargeConsole/data/wechatpay"));
        var count = int.Parse(Arg("--count", "5000"));
        var concurrency = int.Parse(Arg("--concurrency", "16"));

        var options = new DbContextOptionsBuilder<SqliteChargeDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        var prefix = "BM" + DateTime.UtcNow.ToString("MMddHHmmss");
        await using (var db = new SqliteChargeDbContext(options))
        {
            var users = await db.AppUsers.Select(u => u.Id).Take(1000).ToListAsync();
            if (users.Count == 0) { Console.Error.WriteLine("数据库里没有用户：请先启动一次演示"); return 1; }
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count}),
                  u AS (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) - 1 AS k FROM AppUsers ORDER BY Id LIMIT {users.Count})
                INSERT INTO RechargeOrders (OrderNo, AppUserId, PaidAmount, BonusAmount, RefundedAmount, RefundingAmount, BonusReclaimed, Status, CreatedAt, Version)
                SELECT {prefix} || printf('%07d', n), u.Id, 100, 0, 0, 0, 0, 0, datetime('now'), 0 FROM seq JOIN u ON u.k = seq.n % {users.Count};
                """);
        }

        using var platform = RSA.Create();
        platform.ImportFromPem(File.ReadAllText(Path.Combine(keys, "platform_key.pem")));
        var apiV3 = File.ReadAllText(Path.Combine(keys, "apiv3.key")).Trim();
        var callbacks = Enumerable.Range(1, count).Select(n => Build(platform, apiV3, $"{prefix}{n:0000000}", $"4299{prefix[2..]}{n:0000000000}")).ToList();

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var (first, firstFailed) = await PostAllAsync(http, callbacks, concurrency);
        Console.WriteLine($"{count} payment callbacks (verify + decrypt + credit): {first.TotalSeconds:0.0} s, {count / first.TotalSeconds:0} /s, {firstFailed} not answered 204");
        var (again, againFailed) = await PostAllAsync(http, callbacks, concurrency);
        Console.WriteLine($"{count} duplicate callbacks (verify + decrypt, nothing credited): {again.TotalSeconds:0.0} s, {count / again.TotalSeconds:0} /s, {againFailed} not answered 204");

        await using (var db = new SqliteChargeDbContext(options))
        {
            var paid = await db.RechargeOrders.CountAsync(o => o.OrderNo.StartsWith(prefix) && o.Status == ChargeConsole.Domain.Wallets.RechargeOrderStatus.Paid);
            var credits = await db.LedgerEntries.CountAsync(l => l.SourceNo.StartsWith(prefix));
            Console.WriteLine($"orders paid: {paid} of {count}; ledger credits: {credits} (one each)");
            return paid == count && credits == count ? 0 : 1;
        }
    }

    private static (string Body, Dictionary<string, string> Headers) Build(RSA platform, string apiV3, string orderNo, string transactionId)
    {
        var resource = new WxTransaction(SandboxOptions.AppId, SandboxOptions.MchId, orderNo, transactionId, WxTransaction.Success, "支付成功",
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), new WxPayer("oBenchmark0000000000000000000"), new WxTransactionAmount(100, 100));
        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        var cipher = WeChatPayCrypto.Encrypt(apiV3, nonce, "transaction", JsonSerializer.Serialize(resource, WeChatPayJson.Options));
        var body = JsonSerializer.Serialize(new WxNotification(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.ToString("O"), WxNotification.TransactionSuccess,
            "encrypt-resource", new WxResource("AEAD_AES_256_GCM", cipher, "transaction", nonce, "transaction"), "支付成功"), WeChatPayJson.Options);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headerNonce = WeChatPaySignature.NewNonce();
        return (body, new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = SandboxOptions.PlatformSerial, ["Wechatpay-Timestamp"] = ts.ToString(), ["Wechatpay-Nonce"] = headerNonce,
            ["Wechatpay-Signature"] = WeChatPaySignature.Sign(platform, WeChatPaySignature.ResponseMessage(ts, headerNonce, body)),
        });
    }

    private static async Task<(TimeSpan Elapsed, int Failed)> PostAllAsync(HttpClient http, List<(string Body, Dictionary<string, string> Headers)> callbacks, int concurrency)
    {
        var failed = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(callbacks, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (c, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pay/wechat/notify/transaction") { Content = new StringContent(c.Body, Encoding.UTF8, "application/json") };
            foreach (var (k, v) in c.Headers) request.Headers.TryAddWithoutValidation(k, v);
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode != 204) Interlocked.Increment(ref failed);
        });
        return (watch.Elapsed, failed);
    }
}
