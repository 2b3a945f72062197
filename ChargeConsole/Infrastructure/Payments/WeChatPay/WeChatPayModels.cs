using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

// The APIv3 JSON shapes this console uses, field for field (snake_case on the wire). Amounts are in fen.

public sealed record WxAmount(long Total, string Currency = "CNY");
public sealed record WxPayer(string Openid);
public sealed record JsapiPrepayRequest(string Appid, string Mchid, string Description, string OutTradeNo, string NotifyUrl, WxAmount Amount, WxPayer Payer,
    string? TimeExpire = null);
public sealed record JsapiPrepayResponse(string PrepayId);
public sealed record CloseRequest(string Mchid);

public sealed record WxTransactionAmount(long Total, long? PayerTotal = null, string Currency = "CNY", string? PayerCurrency = null);

/// <summary>A payment as WeChat Pay reports it (query answer and TRANSACTION.SUCCESS resource).</summary>
public sealed record WxTransaction(string Appid, string Mchid, string OutTradeNo, string? TransactionId, string TradeState, string? TradeStateDesc,
    string? SuccessTime, WxPayer? Payer, WxTransactionAmount? Amount)
{
    public const string Success = "SUCCESS", NotPay = "NOTPAY", Closed = "CLOSED", Refund = "REFUND", UserPaying = "USERPAYING", PayError = "PAYERROR", Revoked = "REVOKED";
}

public sealed record RefundAmountRequest(long Refund, long Total, string Currency = "CNY");
public sealed record RefundRequest(string OutTradeNo, string OutRefundNo, string Reason, string NotifyUrl, RefundAmountRequest Amount);
public sealed record WxRefundAmount(long Total, long Refund, long? PayerTotal = null, long? PayerRefund = null);

/// <summary>A refund as WeChat Pay reports it (create and query answers).</summary>
public sealed record WxRefund(string RefundId, string OutRefundNo, string? TransactionId, string OutTradeNo, string Status, string? SuccessTime, WxRefundAmount Amount)
{
    public const string Success = "SUCCESS", Closed = "CLOSED", Processing = "PROCESSING", Abnormal = "ABNORMAL";
}

/// <summary>A REFUND.* callback's resource (the status field is named differently from the query answer's).</summary>
public sealed record WxRefundNotice(string Mchid, string OutTradeNo, string? TransactionId, string OutRefundNo, string RefundId, string RefundStatus,
    string? SuccessTime, WxRefundAmount Amount);

public sealed record WxResource(string Algorithm, string Ciphertext, string? AssociatedData, string Nonce, string? OriginalType);
public sealed record WxNotification(string Id, string CreateTime, string EventType, string ResourceType, WxResource Resource, string? Summary)
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS", RefundSuccess = "REFUND.SUCCESS", RefundAbnormal = "REFUND.ABNORMAL", RefundClosed = "REFUND.CLOSED";
}

public sealed record WxError(string Code, string Message);

/// <summary>What <c>wx.requestPayment</c> takes, signed (the names are the mini-program's).</summary>
public sealed record MiniProgramPayment(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

public static class WeChatPayJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
    };
}

/// <summary>WeChat Pay said no (its code and message), or its answer could not be trusted.</summary>
public sealed class WeChatPayException(string code, string message, int status = 0) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
    public string ProviderMessage { get; } = message;
    public int Status { get; } = status;
}
