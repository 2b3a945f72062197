using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.WeChatPay;

/// <summary>
/// The merchant account (section <c>WeChatPay</c>). Keys and the APIv3 key come from files or the environment,
/// never from the repository: the demo's are generated under the data folder on first start.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "WeChatPay";
    public const string ProductionBaseUrl = "https://api.mch.weixin.qq.com";

    /// <summary>Off: the mini-program is told that payment is not open, and no job calls WeChat Pay.</summary>
    public bool Enabled { get; set; }
    public string MchId { get; set; } = "";
    public string AppId { get; set; } = "";
    /// <summary>The merchant API certificate's private key (apiclient_key.pem), PKCS#8 PEM.</summary>
    public string PrivateKeyPath { get; set; } = "";
    /// <summary>The merchant API certificate's serial number, sent with every request.</summary>
    public string CertificateSerialNo { get; set; } = "";
    /// <summary>The 32-character APIv3 key that encrypts callbacks.</summary>
    public string ApiV3Key { get; set; } = "";
    /// <summary>WeChat Pay's public keys by serial (a 微信支付公钥 id or a platform certificate serial): PEM file paths.</summary>
    public Dictionary<string, string> PlatformPublicKeys { get; set; } = [];
    /// <summary>Where WeChat Pay posts payment and refund results: this console's public address + /api/pay/wechat/notify/….</summary>
    public string NotifyBaseUrl { get; set; } = "";
    public string BaseUrl { get; set; } = ProductionBaseUrl;
    /// <summary>
    /// Set by the sandbox: an empty <see cref="BaseUrl"/> or <see cref="NotifyBaseUrl"/> means this console's own
    /// address, known once it listens (the sandbox answers under /wxpay-sandbox).
    /// </summary>
    public bool UseOwnAddress { get; set; }
    /// <summary>How far a response's or callback's timestamp may be from our clock.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Checked at start: a merchant account that is switched on but incomplete stops the console with the reason.</summary>
public sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.MchId)) errors.Add("WeChatPay:MchId（商户号）未配置");
        if (string.IsNullOrWhiteSpace(o.AppId)) errors.Add("WeChatPay:AppId（小程序 AppID）未配置");
        if (string.IsNullOrWhiteSpace(o.CertificateSerialNo)) errors.Add("WeChatPay:CertificateSerialNo（商户 API 证书序列号）未配置");
        if (string.IsNullOrWhiteSpace(o.PrivateKeyPath) || !File.Exists(o.PrivateKeyPath))
            errors.Add($"WeChatPay:PrivateKeyPath（商户私钥 apiclient_key.pem）找不到：{o.PrivateKeyPath}");
        else if (KeyFiles.CheckPrivate(o.PrivateKeyPath) is { } bad)
            errors.Add($"WeChatPay:PrivateKeyPath（商户私钥 apiclient_key.pem）{bad}：{o.PrivateKeyPath}");
        if (o.ApiV3Key.Length != 32) errors.Add("WeChatPay:ApiV3Key（APIv3 密钥）必须是 32 个字符");
        if (o.PlatformPublicKeys.Count == 0) errors.Add("WeChatPay:PlatformPublicKeys（微信支付公钥，按序列号）至少配置一个");
        foreach (var (serial, path) in o.PlatformPublicKeys)
            if (!File.Exists(path)) errors.Add($"WeChatPay:PlatformPublicKeys:{serial} 找不到公钥文件：{path}");
            else if (KeyFiles.CheckPublic(path) is { } bad) errors.Add($"WeChatPay:PlatformPublicKeys:{serial}（微信支付公钥）{bad}：{path}");
        if (o.UseOwnAddress && o.NotifyBaseUrl == "" && o.BaseUrl == "") { }
        else if (!Uri.TryCreate(o.NotifyBaseUrl, UriKind.Absolute, out var notify) || notify.Scheme is not ("https" or "http"))
            errors.Add("WeChatPay:NotifyBaseUrl（回调地址）必须是完整的 http(s) 地址");
        else if (notify.Scheme != "https" && o.BaseUrl == WeChatPayOptions.ProductionBaseUrl)
            errors.Add("WeChatPay:NotifyBaseUrl 对接正式微信支付时必须是 https 地址");
        if (!(o.UseOwnAddress && o.BaseUrl == "") && !Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _)) errors.Add("WeChatPay:BaseUrl 不是有效地址");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// Reads a key file the way the client will, at start: a file that exists but holds no usable key (garbage, the wrong
/// half of the pair) stops the console with the setting's name instead of failing the first payment.
/// </summary>
internal static class KeyFiles
{
    public static string? CheckPrivate(string path) => Check(path, requirePrivate: true);

    public static string? CheckPublic(string path) => Check(path, requirePrivate: false);

    private static string? Check(string path, bool requirePrivate)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"无法读取（{e.Message}）"; }
        if (!PemEncoding.TryFind(text, out var pem)) return "不是 PEM 格式的密钥文件";
        var label = text[pem.Label];
        var isPrivate = label.Contains("PRIVATE KEY", StringComparison.Ordinal);
        if (requirePrivate && !isPrivate) return $"不是私钥（文件里是 {label}，可能配成了公钥或证书）";
        if (!requirePrivate && isPrivate) return "是私钥，应配置微信支付提供的公钥（pub_key.pem）";
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(text);
            if (rsa.KeySize < 2048) return $"密钥长度只有 {rsa.KeySize} 位，微信支付要求 RSA 2048 位";
            if (requirePrivate) rsa.ExportParameters(includePrivateParameters: true);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return "无法读取为 RSA 密钥（文件内容已损坏或不是 RSA 密钥）";
        }
    }
}
