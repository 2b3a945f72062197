using System.Text;
using System.Text.Json;
using ChargeConsole.Infrastructure.Payments.WeChatPay;

namespace ChargeConsole.Features.StoredValue;

/// <summary>
/// Where WeChat Pay posts payment and refund results. A callback is believed only when its signature verifies and
/// its resource decrypts (else 401 and nothing changes); it is answered 204 once acted on (a repeat acts no more), or
/// 500 so WeChat Pay tries again later. The answer comes within 5 s: work that would take longer is left to the
/// retry and to the recovery job.
/// </summary>
public static class PaymentNotifyEndpoints
{
    public const string Prefix = "/api/pay/wechat/notify";
    private const int MaxBody = 64 * 1024;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(4.5);

    public static void MapPaymentNotify(this IEndpointRouteBuilder app)
    {
        app.MapPost(Prefix + "/transaction", (HttpContext ctx, WeChatPayVerifier verifier, RechargePayments payments) =>
            HandleAsync<WxTransaction>(ctx, verifier, WxNotification.TransactionSuccess, (t, ct) => payments.ApplyAsync(t, ct))).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Prefix + "/refund", (HttpContext ctx, WeChatPayVerifier verifier, RefundService refunds) =>
            HandleAsync<WxRefundNotice>(ctx, verifier, null, (r, ct) => refunds.EndAsync(r.OutRefundNo, r.RefundStatus, r.RefundId, r.SuccessTime, null, ct)))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync<T>(HttpContext ctx, WeChatPayVerifier verifier, string? onlyEvent,
        Func<T, CancellationToken, Task<Infrastructure.OperationResult>> act) where T : class
    {
        var body = await ReadAsync(ctx);
        if (body is null) return Fail(StatusCodes.Status413PayloadTooLarge, "报文过大");
        var (notice, plain, error) = verifier.OpenCallback(WeChatPayHeaders.From(n => ctx.Request.Headers[n].FirstOrDefault()), body);
        if (error is not null)
        {
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentNotifyEndpoints)).LogWarning("WeChat Pay callback refused: {Reason}", error);
            return Fail(StatusCodes.Status401Unauthorized, error);
        }
        if (onlyEvent is not null && notice!.EventType != onlyEvent) return Results.NoContent();
        T? resource;
        try { resource = JsonSerializer.Deserialize<T>(plain!, WeChatPayJson.Options); }
        catch (JsonException) { resource = null; }
        if (resource is null) return Fail(StatusCodes.Status400BadRequest, "回调资源格式错误");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        cts.CancelAfter(AnswerWithin);
        try
        {
            await act(resource, cts.Token);
            // Acted on, repeated, or refused for a reason a retry cannot change (an amount that differs is flagged on
            // the order): WeChat Pay need not send it again.
            return Results.NoContent();
        }
        catch (OperationCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
        {
            return Fail(StatusCodes.Status500InternalServerError, "处理超时，请稍后重试");
        }
    }

    private static async Task<string?> ReadAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > MaxBody) return null;
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBody) return null;
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Fail(int status, string message) => Results.Json(new WxError("FAIL", message), WeChatPayJson.Options, statusCode: status);
}
