using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.Sandbox;

/// <summary>
/// A stand-in for WeChat Pay with its own keys, for the demo and the tests. It implements the calls the console
/// makes, refuses a request whose signature is not the merchant's (401), signs every answer, and sends signed,
/// encrypted callbacks when an order is "paid" or a refund ends: on a timer (the demo) or when told to, as often and
/// in whatever order it is told (duplicates, late, out of order). Its orders and refunds live in its own store
/// (<see cref="SandboxStore"/>), not in the console's database: it plays an outside service, which forgets nothing when
/// the console restarts and never issues the same transaction or refund id twice.
/// </summary>
public sealed class WeChatPaySandbox : IDisposable
{
    public sealed class Order
    {
        public required JsapiPrepayRequest Request { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public string State { get; set; } = WxTransaction.NotPay;
        public string? TransactionId { get; set; }
        public DateTimeOffset? PaidAt { get; set; }
        public long Refunded { get; set; }
    }

    public sealed class RefundItem
    {
        public required RefundRequest Request { get; init; }
        public required string RefundId { get; init; }
        public required string TransactionId { get; init; }
        public string Status { get; set; } = WxRefund.Processing;
        public DateTimeOffset? SuccessTime { get; set; }
    }

    private readonly SandboxStore _store;
    private readonly RSA _platform = RSA.Create();
    private readonly RSA _merchant = RSA.Create();
    private readonly SandboxOptions _options;
    private readonly IOptions<WeChatPayOptions> _pay;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _stopping;
    private readonly ILogger<WeChatPaySandbox> _log;

    public WeChatPaySandbox(IOptions<SandboxOptions> options, SandboxCredentials credentials, IOptions<WeChatPayOptions> pay, IHttpClientFactory http,
        TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<WeChatPaySandbox> log)
    {
        _options = options.Value;
        _store = new SandboxStore(credentials.StorePath, _options.MaxRemembered);
        _pay = pay;
        _ = pay.Value; // makes sure the keys exist
        _platform.ImportFromPem(File.ReadAllText(credentials.PlatformKey));
        // WeChat Pay holds the merchant's certificate; the sandbox reads the public half of the demo merchant key.
        _merchant.ImportFromPem(File.ReadAllText(credentials.MerchantKey));
        _http = http;
        _clock = clock;
        _stopping = lifetime.ApplicationStopping;
        _log = log;
    }

    private DateTimeOffset Now => _clock.GetUtcNow();
    private static string Rfc3339(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");

    // ---- the API -------------------------------------------------------------------------------------------

    /// <summary>Answers one API call: the path is the API's (without the sandbox prefix), the query with its '?'.</summary>
    public async Task HandleAsync(HttpContext ctx, string path)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);
        var method = ctx.Request.Method;
        if (CheckRequest(ctx.Request.Headers.Authorization.ToString(), method, path + ctx.Request.QueryString.Value, body) is { } refusal)
        {
            await AnswerAsync(ctx, 401, new WxError("SIGN_ERROR", refusal));
            return;
        }
        var (status, answer) = Route(method, path, ctx.Request.Query, body);
        await AnswerAsync(ctx, status, answer);
    }

    private string? CheckRequest(string authorization, string method, string pathAndQuery, string body)
    {
        var f = WeChatPaySignature.ParseAuthorization(authorization);
        if (f is null || !f.TryGetValue("mchid", out var mchid) || !f.TryGetValue("serial_no", out var serial) || !f.TryGetValue("signature", out var signature)
            || !f.TryGetValue("timestamp", out var timestamp) || !f.TryGetValue("nonce_str", out var nonce) || !long.TryParse(timestamp, out var ts))
            return "Authorization 头缺失或格式错误";
        if (mchid != SandboxOptions.MchId) return "商户号不匹配";
        if (serial != SandboxOptions.MerchantSerial) return "商户证书序列号不匹配";
        if (Math.Abs(Now.ToUnixTimeSeconds() - ts) > 300) return "请求时间戳已过期";
        return WeChatPaySignature.Verify(_merchant, WeChatPaySignature.RequestMessage(method, pathAndQuery, ts, nonce, body), signature) ? null : "签名错误";
    }

    private (int Status, object? Body) Route(string method, string path, IQueryCollection query, string body)
    {
        const string byNo = "/v3/pay/transactions/out-trade-no/";
        const string refunds = "/v3/refund/domestic/refunds";
        return (method, path) switch
        {
            ("POST", "/v3/pay/transactions/jsapi") => Prepay(Read<JsapiPrepayRequest>(body)),
            ("GET", _) when path.StartsWith(byNo) && query["mchid"] == SandboxOptions.MchId => Query(Uri.UnescapeDataString(path[byNo.Length..])),
            ("POST", _) when path.StartsWith(byNo) && path.EndsWith("/close") => Close(Uri.UnescapeDataString(path[byNo.Length..^"/close".Length])),
            ("POST", refunds) => CreateRefund(Read<RefundRequest>(body)),
            ("GET", _) when path.StartsWith(refunds + "/") => QueryRefund(Uri.UnescapeDataString(path[(refunds.Length + 1)..])),
            _ => (404, new WxError("NOT_FOUND", "接口不存在")),
        };
    }

    private static T? Read<T>(string body) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(body, WeChatPayJson.Options); }
        catch (JsonException) { return null; }
    }

    private (int, object?) Prepay(JsapiPrepayRequest? r)
    {
        if (r is null || r.Amount is null || r.Payer is null || string.IsNullOrEmpty(r.OutTradeNo) || r.Amount.Total <= 0)
            return (400, new WxError("PARAM_ERROR", "参数错误"));
        if (r.Appid != SandboxOptions.AppId || r.Mchid != SandboxOptions.MchId) return (400, new WxError("APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配"));
        var refusal = _store.Change(db =>
        {
            if (db.Order<Order>(r.OutTradeNo) is { } existing)
            {
                if (existing.Request.Amount.Total != r.Amount.Total) return new WxError("INVALID_REQUEST", "201 商户订单号重复");
                if (existing.State != WxTransaction.NotPay) return new WxError("ORDERPAID", "该订单已支付");
                return null;
            }
            db.PutOrder(r.OutTradeNo, new Order { Request = r, CreatedAt = Now });
            db.Trim(_store.MaxRemembered);
            return null;
        });
        if (refusal is not null) return (400, refusal);
        if (_options.AutoPaySeconds is { } seconds) Later(TimeSpan.FromSeconds(seconds), () => PayAsync(r.OutTradeNo));
        return (200, new JsapiPrepayResponse("wx" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r.OutTradeNo)))[..30].ToLowerInvariant()));
    }

    private (int, object?) Query(string outTradeNo) => _store.Change<(int, object?)>(db =>
        db.Order<Order>(outTradeNo) is { } o ? (200, Transaction(o)) : (404, new WxError("ORDER_NOT_EXIST", "订单不存在")));

    private (int, object?) Close(string outTradeNo) => _store.Change<(int, object?)>(db =>
    {
        if (db.Order<Order>(outTradeNo) is not { } o) return (404, new WxError("ORDER_NOT_EXIST", "订单不存在"));
        if (o.State is WxTransaction.Success or WxTransaction.Refund) return (400, new WxError("ORDERPAID", "订单已支付"));
        o.State = WxTransaction.Closed;
        db.PutOrder(outTradeNo, o);
        return (204, null);
    });

    private (int, object?) CreateRefund(RefundRequest? r)
    {
        if (r is null || r.Amount is null || string.IsNullOrEmpty(r.OutRefundNo) || r.Amount.Refund <= 0) return (400, new WxError("PARAM_ERROR", "参数错误"));
        var (status, answer, item) = _store.Change<(int, object?, RefundItem?)>(db =>
        {
            if (db.Refund<RefundItem>(r.OutRefundNo) is { } existing) return (200, Refund(existing), null);
            if (db.Order<Order>(r.OutTradeNo) is not { TransactionId: not null } o) return (404, new WxError("RESOURCE_NOT_EXISTS", "订单不存在或未支付"), null);
            if (r.Amount.Total != o.Request.Amount.Total) return (400, new WxError("PARAM_ERROR", "订单金额与原订单不符"), null);
            var inFlight = db.RefundsOf<RefundItem>(r.OutTradeNo).Where(x => x.Status == WxRefund.Processing).Sum(x => x.Request.Amount.Refund);
            if (o.Refunded + inFlight + r.Amount.Refund > o.Request.Amount.Total) return (400, new WxError("NOT_ENOUGH", "申请退款金额超过订单可退金额"), null);
            var made = new RefundItem { Request = r, RefundId = SandboxStore.NewRefundId(Now), TransactionId = o.TransactionId };
            db.PutRefund(r.OutRefundNo, r.OutTradeNo, made);
            db.Trim(_store.MaxRemembered);
            return (200, Refund(made), made);
        });
        if (item is null) return (status, answer);
        if (_options.AutoRefundSeconds is { } seconds) Later(TimeSpan.FromSeconds(seconds), () => EndRefundAsync(r.OutRefundNo, WxRefund.Success));
        return (200, Refund(item));
    }

    private (int, object?) QueryRefund(string outRefundNo) => _store.Change<(int, object?)>(db =>
        db.Refund<RefundItem>(outRefundNo) is { } x ? (200, Refund(x)) : (404, new WxError("RESOURCE_NOT_EXISTS", "退款单不存在")));

    private static WxTransaction Transaction(Order o, long? total = null) => new(o.Request.Appid, o.Request.Mchid, o.Request.OutTradeNo, o.TransactionId, o.State,
        o.State == WxTransaction.Success ? "支付成功" : null, o.PaidAt is { } at ? Rfc3339(at) : null, o.Request.Payer,
        new WxTransactionAmount(total ?? o.Request.Amount.Total, o.TransactionId is null ? null : total ?? o.Request.Amount.Total, "CNY", "CNY"));

    private static WxRefund Refund(RefundItem x) => new(x.RefundId, x.Request.OutRefundNo, x.TransactionId, x.Request.OutTradeNo, x.Status,
        x.SuccessTime is { } at ? Rfc3339(at) : null, new WxRefundAmount(x.Request.Amount.Total, x.Request.Amount.Refund, x.Request.Amount.Total, x.Request.Amount.Refund));

    // ---- what the demo and the tests tell it to do -----------------------------------------------------------

    /// <summary>A payment made before the sandbox kept its books (the demo's seeded past), as if it had been paid here.</summary>
    public sealed record PastPayment(string OutTradeNo, string TransactionId, long Total, long Refunded, DateTime PaidAtUtc);

    /// <summary>Remembers the demo's past payments, so that refunding one works as for any other (issue 20, item 5).</summary>
    public void RememberPaid(IEnumerable<PastPayment> payments) => _store.Change(db =>
    {
        foreach (var p in payments)
            db.PutOrder(p.OutTradeNo, new Order
            {
                Request = new JsapiPrepayRequest(SandboxOptions.AppId, SandboxOptions.MchId, "储值充值", p.OutTradeNo, "", new WxAmount(p.Total), new WxPayer("oDemoPast")),
                CreatedAt = new DateTimeOffset(p.PaidAtUtc, TimeSpan.Zero).AddMinutes(-1),
                State = p.Refunded > 0 ? WxTransaction.Refund : WxTransaction.Success, TransactionId = p.TransactionId,
                PaidAt = new DateTimeOffset(p.PaidAtUtc, TimeSpan.Zero), Refunded = p.Refunded,
            });
        db.Trim(_store.MaxRemembered);
        return 0;
    });

    /// <summary>
    /// The user pays: the order becomes SUCCESS and its TRANSACTION.SUCCESS callback is sent <paramref name="copies"/>
    /// times (the same signed message each time). <paramref name="reportedTotal"/> puts another amount in the callback.
    /// Returns the console's answer to each, or nothing when there is no unpaid order by that number.
    /// </summary>
    public async Task<IReadOnlyList<int>> PayAsync(string outTradeNo, int copies = 1, long? reportedTotal = null)
    {
        var paid = _store.Change(db =>
        {
            if (db.Order<Order>(outTradeNo) is not { State: WxTransaction.NotPay } o) return null;
            o.State = WxTransaction.Success;
            o.TransactionId = SandboxStore.NewTransactionId(Now);
            o.PaidAt = Now;
            db.PutOrder(outTradeNo, o);
            return o;
        });
        if (paid is null) return [];
        var (resource, notifyUrl) = (Transaction(paid, reportedTotal), paid.Request.NotifyUrl);
        return await SendAsync(notifyUrl, WxNotification.TransactionSuccess, "transaction", "支付成功", resource, copies);
    }

    /// <summary>A refund ends (SUCCESS, ABNORMAL or CLOSED) and its callback is sent; a refund that already ended sends its callback again.</summary>
    public async Task<IReadOnlyList<int>> EndRefundAsync(string outRefundNo, string status, int copies = 1)
    {
        var ended = _store.Change(db =>
        {
            if (db.Refund<RefundItem>(outRefundNo) is not { } x) return null;
            // A refund ends once — except that an ABNORMAL one handled by hand at the merchant platform may still succeed.
            if (x.Status == WxRefund.Processing || x.Status == WxRefund.Abnormal && status == WxRefund.Success)
            {
                x.Status = status;
                if (status == WxRefund.Success)
                {
                    x.SuccessTime = Now;
                    if (db.Order<Order>(x.Request.OutTradeNo) is { } o)
                    {
                        o.Refunded += x.Request.Amount.Refund;
                        o.State = WxTransaction.Refund;
                        db.PutOrder(x.Request.OutTradeNo, o);
                    }
                }
                db.PutRefund(outRefundNo, x.Request.OutTradeNo, x);
            }
            return x;
        });
        if (ended is null) return [];
        var resource = new WxRefundNotice(SandboxOptions.MchId, ended.Request.OutTradeNo, ended.TransactionId, ended.Request.OutRefundNo, ended.RefundId, ended.Status,
            ended.SuccessTime is { } at ? Rfc3339(at) : null, new WxRefundAmount(ended.Request.Amount.Total, ended.Request.Amount.Refund, ended.Request.Amount.Total, ended.Request.Amount.Refund));
        var notifyUrl = ended.Request.NotifyUrl;
        var eventType = resource.RefundStatus switch
        {
            WxRefund.Success => WxNotification.RefundSuccess, WxRefund.Closed => WxNotification.RefundClosed, _ => WxNotification.RefundAbnormal,
        };
        return await SendAsync(notifyUrl, eventType, "refund", "退款结果", resource, copies);
    }

    /// <summary>A callback as WeChat Pay sends it: the resource encrypted with the APIv3 key, the whole signed with the platform key.</summary>
    public (string Body, Dictionary<string, string> Headers) Callback(string eventType, string associatedData, string summary, object resource)
    {
        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        var cipher = WeChatPayCrypto.Encrypt(_pay.Value.ApiV3Key, nonce, associatedData, JsonSerializer.Serialize(resource, resource.GetType(), WeChatPayJson.Options));
        var notice = new WxNotification(Guid.NewGuid().ToString(), Rfc3339(Now), eventType, "encrypt-resource",
            new WxResource("AEAD_AES_256_GCM", cipher, associatedData, nonce, associatedData), summary);
        var body = JsonSerializer.Serialize(notice, WeChatPayJson.Options);
        var ts = Now.ToUnixTimeSeconds();
        var headerNonce = WeChatPaySignature.NewNonce();
        return (body, new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = SandboxOptions.PlatformSerial, ["Wechatpay-Timestamp"] = ts.ToString(), ["Wechatpay-Nonce"] = headerNonce,
            ["Wechatpay-Signature"] = WeChatPaySignature.Sign(_platform, WeChatPaySignature.ResponseMessage(ts, headerNonce, body)),
        });
    }

    private async Task<IReadOnlyList<int>> SendAsync(string url, string eventType, string associatedData, string summary, object resource, int copies)
    {
        var (body, headers) = Callback(eventType, associatedData, summary, resource);
        var answers = new List<int>();
        for (var i = 0; i < Math.Clamp(copies, 0, 10); i++) // 0: the callback is lost
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            try
            {
                using var response = await _http.CreateClient(nameof(WeChatPaySandbox)).SendAsync(request, _stopping);
                answers.Add((int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _log.LogWarning("Sandbox callback to {Url} failed: {Reason}", url, e.Message);
                answers.Add(0);
            }
        }
        return answers;
    }

    private void Later(TimeSpan delay, Func<Task> action) => _ = Task.Run(async () =>
    {
        try
        {
            await Task.Delay(delay, _clock, _stopping);
            await action();
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { _log.LogWarning(e, "Sandbox timer failed"); }
    });

    /// <summary>Answers signed with the platform key, as WeChat Pay does — except a 401, which WeChat Pay does not sign.</summary>
    private async Task AnswerAsync(HttpContext ctx, int status, object? answer)
    {
        var body = answer is null ? "" : JsonSerializer.Serialize(answer, answer.GetType(), WeChatPayJson.Options);
        ctx.Response.StatusCode = status;
        if (status != StatusCodes.Status401Unauthorized)
        {
            var ts = Now.ToUnixTimeSeconds();
            var nonce = WeChatPaySignature.NewNonce();
            ctx.Response.Headers["Wechatpay-Serial"] = SandboxOptions.PlatformSerial;
            ctx.Response.Headers["Wechatpay-Timestamp"] = ts.ToString();
            ctx.Response.Headers["Wechatpay-Nonce"] = nonce;
            ctx.Response.Headers["Wechatpay-Signature"] = WeChatPaySignature.Sign(_platform, WeChatPaySignature.ResponseMessage(ts, nonce, body));
        }
        if (body.Length > 0)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body, ctx.RequestAborted);
        }
    }

    public void Dispose()
    {
        _platform.Dispose();
        _merchant.Dispose();
    }
}
