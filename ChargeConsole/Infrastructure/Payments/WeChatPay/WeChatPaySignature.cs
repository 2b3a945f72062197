using System.Security.Cryptography;
using System.Text;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>
/// WeChat Pay APIv3 signatures (SHA256withRSA, PKCS#1 v1.5, Base64). Each message is its lines joined and ended by
/// "\n"; the pieces here are exactly the documented ones, so a real merchant account accepts what we sign.
/// </summary>
public static class WeChatPaySignature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>What a request's signature covers: <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n</c> (a GET's body is empty).</summary>
    public static string RequestMessage(string method, string pathAndQuery, long timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    /// <summary>What a response's or callback's signature covers: <c>TIMESTAMP\nNONCE\nBODY\n</c>.</summary>
    public static string ResponseMessage(long timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    /// <summary>What the mini-program's <c>wx.requestPayment</c> paySign covers: <c>appId\ntimeStamp\nnonceStr\npackage\n</c>.</summary>
    public static string PaymentMessage(string appId, long timestamp, string nonce, string package) => $"{appId}\n{timestamp}\n{nonce}\n{package}\n";

    public static string Sign(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string message, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var n)
            && key.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, n), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The request's Authorization header value.</summary>
    public static string Authorization(string mchId, string serialNo, long timestamp, string nonce, string signature) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\"";

    /// <summary>The fields of an Authorization header (for the sandbox, which checks ours); null when it is not one.</summary>
    public static Dictionary<string, string>? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal)) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Scheme.Length + 1)..].Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return null;
            var value = part[(eq + 1)..].Trim();
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return null;
            fields[part[..eq].Trim()] = value[1..^1];
        }
        return fields;
    }

    /// <summary>A random 32-character nonce.</summary>
    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
