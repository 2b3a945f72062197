using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>
/// The WeChat Pay APIv3 calls the console makes: JSAPI (mini-program) prepay, query and close by out_trade_no,
/// domestic refund create and query. Every request is signed with the merchant key; every answer is verified
/// before it is believed. Talks only to the configured base address (the real service or the sandbox).
/// </summary>
public sealed class WeChatPayClient(HttpClient http, WeChatPayKeys keys, WeChatPayVerifier verifier, WeChatPayAddresses addresses, IOptions<WeChatPayOptions> options,
    TimeProvider clock, ILogger<WeChatPayClient> log)
{
    private WeChatPayOptions O => options.Value;

    public async Task<string> JsapiPrepayAsync(string description, string outTradeNo, long totalFen, string openId, DateTimeOffset? expireAt, CancellationToken ct)
    {
        var request = new JsapiPrepayRequest(O.AppId, O.MchId, description, outTradeNo, addresses.NotifyUrl("transaction"), new WxAmount(totalFen), new WxPayer(openId),
            expireAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        var answer = await SendAsync<JsapiPrepayResponse>(HttpMethod.Post, "/v3/pay/transactions/jsapi", request, ct);
        return answer!.PrepayId;
    }

    /// <summary>The payment, or null when WeChat Pay has no such order (ORDER_NOT_EXIST).</summary>
    public async Task<WxTransaction?> QueryAsync(string outTradeNo, CancellationToken ct)
    {
        try
        {
            return await SendAsync<WxTransaction>(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(O.MchId)}", null, ct);
        }
        catch (WeChatPayException e) when (e.Code == "ORDER_NOT_EXIST")
        {
            return null;
        }
    }

    public Task CloseAsync(string outTradeNo, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close", new CloseRequest(O.MchId), ct);

    public async Task<WxRefund> RefundAsync(string outTradeNo, string outRefundNo, string reason, long refundFen, long totalFen, CancellationToken ct) =>
        (await SendAsync<WxRefund>(HttpMethod.Post, "/v3/refund/domestic/refunds",
            new RefundRequest(outTradeNo, outRefundNo, reason, addresses.NotifyUrl("refund"), new RefundAmountRequest(refundFen, totalFen)), ct))!;

    /// <summary>The refund, or null when WeChat Pay has none by that number (RESOURCE_NOT_EXISTS).</summary>
    public async Task<WxRefund?> QueryRefundAsync(string outRefundNo, CancellationToken ct)
    {
        try
        {
            return await SendAsync<WxRefund>(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", null, ct);
        }
        catch (WeChatPayException e) when (e.Code is "RESOURCE_NOT_EXISTS" or "ORDER_NOT_EXIST")
        {
            return null;
        }
    }

    /// <summary>The parameters the mini-program passes to <c>wx.requestPayment</c>, signed with the merchant key.</summary>
    public MiniProgramPayment PaymentParameters(string prepayId)
    {
        var ts = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPaySignature.NewNonce();
        var package = "prepay_id=" + prepayId;
        return new MiniProgramPayment(O.AppId, ts.ToString(), nonce, package, "RSA",
            WeChatPaySignature.Sign(keys.Merchant, WeChatPaySignature.PaymentMessage(O.AppId, ts, nonce, package)));
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? payload, CancellationToken ct)
    {
        var body = payload is null ? "" : JsonSerializer.Serialize(payload, payload.GetType(), WeChatPayJson.Options);
        var ts = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPaySignature.NewNonce();
        var signature = WeChatPaySignature.Sign(keys.Merchant, WeChatPaySignature.RequestMessage(method.Method, pathAndQuery, ts, nonce, body));
        using var request = new HttpRequestMessage(method, addresses.BaseUrl + pathAndQuery);
        request.Headers.TryAddWithoutValidation("Authorization", WeChatPaySignature.Authorization(O.MchId, O.CertificateSerialNo, ts, nonce, signature));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "ChargeConsole");
        if (payload is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(O.Timeout);
        using var response = await http.SendAsync(request, cts.Token);
        var text = await response.Content.ReadAsStringAsync(cts.Token);
        var headers = WeChatPayHeaders.From(n => response.Headers.TryGetValues(n, out var v) ? v.FirstOrDefault() : null);
        if (!response.IsSuccessStatusCode)
        {
            // WeChat Pay need not sign an error (it does not sign a 401 for a wrong merchant serial): what it said is read
            // first and logged. A signed error is still verified; an error never credits or pays out anything.
            var error = TryRead<WxError>(text);
            var code = error?.Code ?? response.StatusCode.ToString();
            var message = error?.Message ?? (text.Length > 200 ? text[..200] : text);
            log.LogWarning("WeChat Pay answered {Status} to {Method} {Path}: {Code} {Message}", (int)response.StatusCode, method, pathAndQuery.Split('?')[0], code, message);
            if (headers.Signature is not null && verifier.Check(headers, text) is { } bad)
                throw new WeChatPayException("SIGN_ERROR", "微信支付应答未通过验签：" + bad, (int)response.StatusCode);
            throw new WeChatPayException(code, message, (int)response.StatusCode);
        }
        if (verifier.Check(headers, text) is { } why)
            throw new WeChatPayException("SIGN_ERROR", "微信支付应答未通过验签：" + why, (int)response.StatusCode);
        return response.StatusCode == HttpStatusCode.NoContent || text.Length == 0 ? default : TryRead<T>(text)
            ?? throw new WeChatPayException("BAD_RESPONSE", "微信支付应答无法解析", (int)response.StatusCode);
    }

    private static T? TryRead<T>(string text)
    {
        try { return JsonSerializer.Deserialize<T>(text, WeChatPayJson.Options); }
        catch (JsonException) { return default; }
    }
}
