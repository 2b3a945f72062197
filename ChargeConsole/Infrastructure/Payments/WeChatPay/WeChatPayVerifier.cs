using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>The four Wechatpay-* headers of a response or callback.</summary>
public sealed record WeChatPayHeaders(string? Serial, string? Signature, string? Timestamp, string? Nonce)
{
    public static WeChatPayHeaders From(Func<string, string?> header) =>
        new(header("Wechatpay-Serial"), header("Wechatpay-Signature"), header("Wechatpay-Timestamp"), header("Wechatpay-Nonce"));
}

/// <summary>
/// Checks that a response or callback comes from WeChat Pay: signed by the public key its serial names, over
/// <c>TIMESTAMP\nNONCE\nBODY\n</c>, with a timestamp no further than <see cref="WeChatPayOptions.MaxClockSkew"/> from
/// our clock (an old message replayed later is refused). Callbacks are then decrypted with the APIv3 key.
/// </summary>
public sealed class WeChatPayVerifier(WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock)
{
    /// <summary>Null when the message is genuine; otherwise why not.</summary>
    public string? Check(WeChatPayHeaders h, string body)
    {
        if (h.Serial is null || h.Signature is null || h.Timestamp is null || h.Nonce is null) return "缺少微信支付签名头";
        if (!long.TryParse(h.Timestamp, out var ts)) return "时间戳格式错误";
        var skew = Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - ts);
        if (skew > options.Value.MaxClockSkew.TotalSeconds) return $"时间戳与本机相差 {skew} 秒，已拒绝";
        if (keys.Platform(h.Serial) is not { } key) return $"未知的微信支付公钥序列号 {h.Serial}";
        return WeChatPaySignature.Verify(key, WeChatPaySignature.ResponseMessage(ts, h.Nonce, body), h.Signature) ? null : "签名验证失败";
    }

    /// <summary>A callback verified and its resource decrypted, or why it was refused.</summary>
    public (WxNotification? Notice, string? Plaintext, string? Error) OpenCallback(WeChatPayHeaders h, string body)
    {
        if (Check(h, body) is { } error) return (null, null, error);
        WxNotification? notice;
        try { notice = JsonSerializer.Deserialize<WxNotification>(body, WeChatPayJson.Options); }
        catch (JsonException) { return (null, null, "回调报文不是有效的 JSON"); }
        if (notice?.Resource is not { } r || notice.EventType is null) return (null, null, "回调报文缺少 resource");
        if (r.Algorithm != "AEAD_AES_256_GCM") return (null, null, $"不支持的加密算法 {r.Algorithm}");
        var plain = WeChatPayCrypto.Decrypt(options.Value.ApiV3Key, r.Nonce ?? "", r.AssociatedData ?? "", r.Ciphertext ?? "");
        return plain is null ? (null, null, "回调资源解密失败") : (notice, plain, null);
    }
}
