using System.Collections.Concurrent;
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
/// in whatever order it is told (duplicates, late, out of order). Its orders live in memory, bounded: it plays an
/// outside service, not part of the console's state.
/// </summary>
public sealed class WeChatPaySandbox : IDisposable
{
    private sealed class Order
    {
        public required JsapiPrepayRequest Request { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public string State { get; set; } = WxTransaction.NotPay;
        public string? TransactionId { get; set; }
        public DateTimeOffset? PaidAt { get; set; }
        public long Refunded { get; set; }
    }

    private sealed class RefundItem
    {
        public required RefundRequest Request { get; init; }
        public required string RefundId { get; init; }
        public required string TransactionId { get; init; }
        public string Status { get; set; } = WxRefund.Processing;
        public DateTimeOffset? SuccessTime { get; set; }
    }

    private readonly ConcurrentDictionary<string, Order> _orders = new();
    private readonly ConcurrentQueue<string> _orderAge = new();
    private readonly ConcurrentDictionary<string, RefundItem> _refunds = new();
    private readonly ConcurrentQueue<string> _refundAge = new();
    private readonly Lock _gate = new();
    private readonly RSA _platform = RSA.Create();
    private readonly RSA _merchant = RSA.Create();
    private readonly SandboxOptions _options;
    private readonly IOptions<WeChatPayOptions> _pay;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _stopping;
    private readonly ILogger<WeChatPaySandbox> _log;
    private long _sequence;

    public WeChatPaySandbox(IOptions<SandboxOptions> options, SandboxCredentials credentials, IOptions<WeChatPayOptions> pay, IHttpClientFactory http,
        TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<WeChatPaySandbox> log)
    {
        _options = options.Value;
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
        lock (_gate)
        {
            if (_orders.TryGetValue(r.OutTradeNo, out var existing))
            {
                if (existing.Request.Amount.Total != r.Amount.Total) return (400, new WxError("INVALID_REQUEST", "201 商户订单号重复"));
                if (existing.State != WxTransaction.NotPay) return (400, new WxError("ORDERPAID", "该订单已支付"));
            }
            else
            {
                _orders[r.OutTradeNo] = new Order { Request = r, CreatedAt = Now };
                Remember(_orderAge, _orders, r.OutTradeNo);
            }
        }
        if (_options.AutoPaySeconds is { } seconds) Later(TimeSpan.FromSeconds(seconds), () => PayAsync(r.OutTradeNo));
        return (200, new JsapiPrepayResponse("wx" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r.OutTradeNo)))[..30].ToLowerInvariant()));
    }

    private (int, object?) Query(string outTradeNo)
    {
        lock (_gate)
            return _orders.TryGetValue(outTradeNo, out var o) ? (200, Transaction(o)) : (404, new WxError("ORDER_NOT_EXIST", "订单不存在"));
    }

    private (int, object?) Close(string outTradeNo)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(outTradeNo, out var o)) return (404, new WxError("ORDER_NOT_EXIST", "订单不存在"));
            if (o.State is WxTransaction.Success or WxTransaction.Refund) return (400, new WxError("ORDERPAID", "订单已支付"));
            o.State = WxTransaction.Closed;
            return (204, null);
        }
    }

    private (int, object?) CreateRefund(RefundRequest? r)
    {
        if (r is null || r.Amount is null || string.IsNullOrEmpty(r.OutRefundNo) || r.Amount.Refund <= 0) return (400, new WxError("PARAM_ERROR", "参数错误"));
        RefundItem item;
        lock (_gate)
        {
            if (_refunds.TryGetValue(r.OutRefundNo, out var existing)) return (200, Refund(existing));
            if (!_orders.TryGetValue(r.OutTradeNo, out var o) || o.TransactionId is null) return (404, new WxError("RESOURCE_NOT_EXISTS", "订单不存在或未支付"));
            if (r.Amount.Total != o.Request.Amount.Total) return (400, new WxError("PARAM_ERROR", "订单金额与原订单不符"));
            var inFlight = _refunds.Values.Where(x => x.Request.OutTradeNo == r.OutTradeNo && x.Status == WxRefund.Processing).Sum(x => x.Request.Amount.Refund);
            if (o.Refunded + inFlight + r.Amount.Refund > o.Request.Amount.Total) return (400, new WxError("NOT_ENOUGH", "申请退款金额超过订单可退金额"));
            item = new RefundItem { Request = r, RefundId = "5030" + Interlocked.Increment(ref _sequence).ToString("D16"), TransactionId = o.TransactionId };
            _refunds[r.OutRefundNo] = item;
            Remember(_refundAge, _refunds, r.OutRefundNo);
        }
        if (_options.AutoRefundSeconds is { } seconds) Later(TimeSpan.FromSeconds(seconds), () => EndRefundAsync(r.OutRefundNo, WxRefund.Success));
        return (200, Refund(item));
    }

    private (int, object?) QueryRefund(string outRefundNo)
    {
        lock (_gate)
            return _refunds.TryGetValue(outRefundNo, out var x) ? (200, Refund(x)) : (404, new WxError("RESOURCE_NOT_EXISTS", "退款单不存在"));
    }

    private static WxTransaction Transaction(Order o, long? total = null) => new(o.Request.Appid, o.Request.Mchid, o.Request.OutTradeNo, o.TransactionId, o.State,
        o.State == WxTransaction.Success ? "支付成功" : null, o.PaidAt is { } at ? Rfc3339(at) : null, o.Request.Payer,
        new WxTransactionAmount(total ?? o.Request.Amount.Total, o.TransactionId is null ? null : total ?? o.Request.Amount.Total, "CNY", "CNY"));

    private static WxRefund Refund(RefundItem x) => new(x.RefundId, x.Request.OutRefundNo, x.TransactionId, x.Request.OutTradeNo, x.Status,
        x.SuccessTime is { } at ? Rfc3339(at) : null, new WxRefundAmount(x.Request.Amount.Total, x.Request.Amount.Refund, x.Request.Amount.Total, x.Request.Amount.Refund));

    // ---- what the demo and the tests tell it to do -----------------------------------------------------------

    /// <summary>
    /// The user pays: the order becomes SUCCESS and its TRANSACTION.SUCCESS callback is sent <paramref name="copies"/>
    /// times (the same signed message each time). <paramref name="reportedTotal"/> puts another amount in the callback.
    /// Returns the console's answer to each, or nothing when there is no unpaid order by that number.
    /// </summary>
    public async Task<IReadOnlyList<int>> PayAsync(string outTradeNo, int copies = 1, long? reportedTotal = null)
    {
        WxTransaction resource;
        string notifyUrl;
        lock (_gate)
        {
            if (!_orders.TryGetValue(outTradeNo, out var o) || o.State != WxTransaction.NotPay) return [];
            o.State = WxTransaction.Success;
            o.TransactionId = "4200" + Interlocked.Increment(ref _sequence).ToString("D24");
            o.PaidAt = Now;
            resource = Transaction(o, reportedTotal);
            notifyUrl = o.Request.NotifyUrl;
        }
        return await SendAsync(notifyUrl, WxNotification.TransactionSuccess, "transaction", "支付成功", resource, copies);
    }

    /// <summary>A refund ends (SUCCESS, ABNORMAL or CLOSED) and its callback is sent; a refund that already ended sends its callback again.</summary>
    public async Task<IReadOnlyList<int>> EndRefundAsync(string outRefundNo, string status, int copies = 1)
    {
        WxRefundNotice resource;
        string notifyUrl;
        lock (_gate)
        {
            if (!_refunds.TryGetValue(outRefundNo, out var x)) return [];
            if (x.Status == WxRefund.Processing)
            {
                x.Status = status;
                if (status == WxRefund.Success)
                {
                    x.SuccessTime = Now;
                    if (_orders.TryGetValue(x.Request.OutTradeNo, out var o)) { o.Refunded += x.Request.Amount.Refund; o.State = WxTransaction.Refund; }
                }
            }
            resource = new WxRefundNotice(SandboxOptions.MchId, x.Request.OutTradeNo, x.TransactionId, x.Request.OutRefundNo, x.RefundId, x.Status,
                x.SuccessTime is { } at ? Rfc3339(at) : null, new WxRefundAmount(x.Request.Amount.Total, x.Request.Amount.Refund, x.Request.Amount.Total, x.Request.Amount.Refund));
            notifyUrl = x.Request.NotifyUrl;
        }
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

    private void Remember<T>(ConcurrentQueue<string> age, ConcurrentDictionary<string, T> map, string key)
    {
        age.Enqueue(key);
        while (age.Count > _options.MaxRemembered && age.TryDequeue(out var old)) map.TryRemove(old, out _);
    }

    private async Task AnswerAsync(HttpContext ctx, int status, object? answer)
    {
        var body = answer is null ? "" : JsonSerializer.Serialize(answer, answer.GetType(), WeChatPayJson.Options);
        var ts = Now.ToUnixTimeSeconds();
        var nonce = WeChatPaySignature.NewNonce();
        ctx.Response.StatusCode = status;
        ctx.Response.Headers["Wechatpay-Serial"] = SandboxOptions.PlatformSerial;
        ctx.Response.Headers["Wechatpay-Timestamp"] = ts.ToString();
        ctx.Response.Headers["Wechatpay-Nonce"] = nonce;
        ctx.Response.Headers["Wechatpay-Signature"] = WeChatPaySignature.Sign(_platform, WeChatPaySignature.ResponseMessage(ts, nonce, body));
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
