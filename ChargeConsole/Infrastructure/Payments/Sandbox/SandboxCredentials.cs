using System.Security.Cryptography;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Infrastructure.Payments.Sandbox;

/// <summary>The sandbox (section <c>WeChatPay:Sandbox</c>): for the demo and the tests only, off in production.</summary>
public sealed class SandboxOptions
{
    public bool Enabled { get; set; }
    /// <summary>Where the generated demo keys are kept (relative to the content root).</summary>
    public string KeyFolder { get; set; } = "data/wechatpay";
    /// <summary>Pay every prepaid order by itself after this many seconds (the demo); unset: only when told to.</summary>
    public double? AutoPaySeconds { get; set; }
    /// <summary>Complete every refund successfully after this many seconds; unset: only when told to.</summary>
    public double? AutoRefundSeconds { get; set; }
    /// <summary>At most this many orders and as many refunds are remembered (the oldest are forgotten).</summary>
    public int MaxRemembered { get; set; } = 100_000;
    /// <summary>The sandbox's own store of orders and refunds (relative to the content root), apart from the console's database.</summary>
    public string StorePath { get; set; } = "data/wechatpay/sandbox.db";

    public const string MchId = "1900000109";
    public const string AppId = "wx0000000000demo1";
    public const string MerchantSerial = "SANDBOX0000MERCHANT0000000000000000000000";
    public const string PlatformSerial = "PUB_KEY_ID_0000SANDBOX";
}

/// <summary>
/// With the sandbox on, the merchant account is the sandbox's: keys generated once under the key folder (never in
/// the repository), the APIv3 key likewise, and the console calls and is called back at its own address.
/// </summary>
public sealed class SandboxCredentials(IOptions<SandboxOptions> sandbox, IHostEnvironment env) : IPostConfigureOptions<WeChatPayOptions>
{
    public string Folder => Path.GetFullPath(sandbox.Value.KeyFolder, env.ContentRootPath);
    public string StorePath => Path.GetFullPath(sandbox.Value.StorePath, env.ContentRootPath);
    public string MerchantKey => Path.Combine(Folder, "merchant_key.pem");
    public string PlatformKey => Path.Combine(Folder, "platform_key.pem");
    public string PlatformPublicKey => Path.Combine(Folder, "platform_pub.pem");
    private string ApiV3KeyFile => Path.Combine(Folder, "apiv3.key");

    private static readonly Lock Gate = new();

    public void PostConfigure(string? name, WeChatPayOptions o)
    {
        if (!sandbox.Value.Enabled) return;
        lock (Gate) Ensure();
        o.Enabled = true;
        o.UseOwnAddress = true;
        if (o.BaseUrl == WeChatPayOptions.ProductionBaseUrl) o.BaseUrl = "";
        o.MchId = SandboxOptions.MchId;
        o.AppId = SandboxOptions.AppId;
        o.CertificateSerialNo = SandboxOptions.MerchantSerial;
        o.PrivateKeyPath = MerchantKey;
        o.ApiV3Key = File.ReadAllText(ApiV3KeyFile).Trim();
        o.PlatformPublicKeys = new() { [SandboxOptions.PlatformSerial] = PlatformPublicKey };
    }

    private void Ensure()
    {
        Directory.CreateDirectory(Folder);
        if (!File.Exists(MerchantKey)) WriteKey(MerchantKey, null);
        if (!File.Exists(PlatformKey) || !File.Exists(PlatformPublicKey)) WriteKey(PlatformKey, PlatformPublicKey);
        if (!File.Exists(ApiV3KeyFile))
            File.WriteAllText(ApiV3KeyFile, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32));
    }

    private static void WriteKey(string privatePath, string? publicPath)
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(privatePath, rsa.ExportPkcs8PrivateKeyPem());
        if (publicPath is not null) File.WriteAllText(publicPath, rsa.ExportSubjectPublicKeyInfoPem());
    }
}
