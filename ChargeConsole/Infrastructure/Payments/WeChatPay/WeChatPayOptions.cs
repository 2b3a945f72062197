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
        if (o.ApiV3Key.Length != 32) errors.Add("WeChatPay:ApiV3Key（APIv3 密钥）必须是 32 个字符");
        if (o.PlatformPublicKeys.Count == 0) errors.Add("WeChatPay:PlatformPublicKeys（微信支付公钥，按序列号）至少配置一个");
        foreach (var (serial, path) in o.PlatformPublicKeys)
            if (!File.Exists(path)) errors.Add($"WeChatPay:PlatformPublicKeys:{serial} 找不到公钥文件：{path}");
        if (o.UseOwnAddress && o.NotifyBaseUrl == "" && o.BaseUrl == "") { }
        else if (!Uri.TryCreate(o.NotifyBaseUrl, UriKind.Absolute, out var notify) || notify.Scheme is not ("https" or "http"))
            errors.Add("WeChatPay:NotifyBaseUrl（回调地址）必须是完整的 http(s) 地址");
        else if (notify.Scheme != "https" && o.BaseUrl == WeChatPayOptions.ProductionBaseUrl)
            errors.Add("WeChatPay:NotifyBaseUrl 对接正式微信支付时必须是 https 地址");
        if (!(o.UseOwnAddress && o.BaseUrl == "") && !Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _)) errors.Add("WeChatPay:BaseUrl 不是有效地址");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
